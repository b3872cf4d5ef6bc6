-- Deductions of auto-debit (代扣): at most one per bill. A row is written PENDING with the payment
-- order that collects the bill's outstanding amount (out_trade_no goes to the platform, which makes a
-- retried deduction idempotent there too), and becomes SUCCEEDED once the order is paid, or FAILED
-- when the platform refused to deduct (the order is closed; the customer pays another way).
-- CHECKs of allowed values use CASE: see V1.

CREATE TABLE auto_debit_deduction (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  bill_id        BIGINT        NOT NULL,
  agreement_id   BIGINT        NOT NULL,
  account_no     VARCHAR(13)   NOT NULL,
  out_trade_no   VARCHAR(32)   NOT NULL,
  amount         DECIMAL(12,2) NOT NULL,
  state          VARCHAR(9)    NOT NULL,
  failure        VARCHAR(200)  NULL,
  attempts       INT           NOT NULL DEFAULT 0,
  created_at     DATETIME(3)   NOT NULL,
  updated_at     DATETIME(3)   NOT NULL,
  CONSTRAINT ck_auto_debit_deduction_state CHECK (CASE
    WHEN state = 'PENDING' THEN 1
    WHEN state = 'SUCCEEDED' THEN 1
    WHEN state = 'FAILED' AND failure IS NOT NULL THEN 1
    ELSE 0 END = 1),
  CONSTRAINT ck_auto_debit_deduction_amount CHECK (amount >= 0.01)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE UNIQUE INDEX uk_auto_debit_deduction_bill ON auto_debit_deduction (bill_id);
CREATE UNIQUE INDEX uk_auto_debit_deduction_order ON auto_debit_deduction (out_trade_no);
CREATE INDEX ix_auto_debit_deduction_state ON auto_debit_deduction (state, id);
CREATE INDEX ix_auto_debit_deduction_agreement ON auto_debit_deduction (agreement_id);
CREATE INDEX ix_auto_debit_deduction_account ON auto_debit_deduction (account_no);

ALTER TABLE auto_debit_deduction
  ADD CONSTRAINT fk_auto_debit_deduction_bill FOREIGN KEY (bill_id) REFERENCES bill (id);
ALTER TABLE auto_debit_deduction
  ADD CONSTRAINT fk_auto_debit_deduction_agreement FOREIGN KEY (agreement_id) REFERENCES auto_debit_agreement (id);
ALTER TABLE auto_debit_deduction
  ADD CONSTRAINT fk_auto_debit_deduction_order FOREIGN KEY (out_trade_no) REFERENCES payment_order (out_trade_no);
