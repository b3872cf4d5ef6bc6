-- Refunds the platform did not pay back. When a refund sent through WeChat Pay or Alipay ends
-- FAILED (REFUSED or ATTEMPTS) or ABNORMAL, the money its REFUND entry took off the account goes
-- back on it: one REFUND_REVERSED entry (positive, settles arrears first like a payment), in the
-- transaction that records the failure. When the money leaves after all (staff send the refund
-- again, or the platform reports it paid), another REFUND entry takes it off again.
-- ledger_entry.out_refund_no ties REFUND and REFUND_REVERSED entries to their refund (filled in
-- from the dedup key for the refunds written before), for the reconciliation of refunds.
-- Dedup keys: refund:<R> (the refund), refund-reversal:<R>:<n> (the n-th reversal),
-- refund:<R>:<n> (the n-th time the money is taken off again).
-- refund_dispatch.reversals / redebits count those entries: the money is back on the account while
-- reversals = redebits + 1. Refunds that failed before this migration keep both at 0: their money
-- was never put back (the reconciliation of their day shows them).
-- CHECKs of allowed values use CASE: see V1.

ALTER TABLE ledger_entry ADD COLUMN out_refund_no VARCHAR(32) NULL;

UPDATE ledger_entry SET out_refund_no = SUBSTRING(dedup_key, 8)
WHERE entry_type = 'REFUND' AND dedup_key LIKE 'refund:%';

ALTER TABLE ledger_entry DROP CONSTRAINT ck_ledger_entry_type;
ALTER TABLE ledger_entry ADD CONSTRAINT ck_ledger_entry_type CHECK (CASE
    WHEN entry_type = 'PAYMENT' THEN 1
    WHEN entry_type = 'REFUND' THEN 1
    WHEN entry_type = 'REFUND_REVERSED' AND out_refund_no IS NOT NULL AND amount > 0 THEN 1
    WHEN entry_type = 'BILL_CHARGE' THEN 1
    WHEN entry_type = 'ADJUSTMENT' THEN 1
    ELSE 0 END = 1);

CREATE INDEX ix_ledger_entry_refund ON ledger_entry (out_refund_no);
ALTER TABLE ledger_entry
  ADD CONSTRAINT fk_ledger_entry_refund FOREIGN KEY (out_refund_no) REFERENCES payment_refund (out_refund_no);

ALTER TABLE refund_dispatch ADD COLUMN reversals INT NOT NULL DEFAULT 0;
ALTER TABLE refund_dispatch ADD COLUMN redebits INT NOT NULL DEFAULT 0;
ALTER TABLE refund_dispatch ADD CONSTRAINT ck_refund_dispatch_reversals
  CHECK (redebits >= 0 AND reversals - redebits >= 0 AND reversals - redebits <= 1);

-- the reconciliation reads a day's refunds
CREATE INDEX ix_payment_refund_created ON payment_refund (created_at);
