-- Points coupons credit the account. Redeeming a COUPON item of the points catalogue writes one
-- COUPON ledger entry (positive, credited as a payment: unpaid bills oldest first, the rest to the
-- prepaid balance) in the transaction of the redemption, which becomes USED at once.
-- reference is the redemption's request id; dedup key coupon:<request_id>. A coupon entry names no
-- refund. It is not a payment: the reconciliation of payments reads PAYMENT entries only.
-- CHECKs of allowed values use CASE: see V1.

ALTER TABLE ledger_entry DROP CONSTRAINT ck_ledger_entry_type;
ALTER TABLE ledger_entry ADD CONSTRAINT ck_ledger_entry_type CHECK (CASE
    WHEN entry_type = 'PAYMENT' THEN 1
    WHEN entry_type = 'REFUND' THEN 1
    WHEN entry_type = 'REFUND_REVERSED' AND out_refund_no IS NOT NULL AND amount > 0 THEN 1
    WHEN entry_type = 'COUPON' AND out_refund_no IS NULL AND amount > 0 THEN 1
    WHEN entry_type = 'BILL_CHARGE' THEN 1
    WHEN entry_type = 'ADJUSTMENT' THEN 1
    ELSE 0 END = 1);
