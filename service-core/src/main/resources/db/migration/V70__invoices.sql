-- Electronic invoices: at most one per paid payment order (uk on out_trade_no), so asking again
-- returns the same invoice. title is the customer's name at issue time; email is where it was sent,
-- NULL when the customer took the download link. Times are UTC.

CREATE TABLE invoice (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  invoice_no   VARCHAR(32)   NOT NULL,
  out_trade_no VARCHAR(32)   NOT NULL,
  account_no   VARCHAR(13)   NOT NULL,
  amount       DECIMAL(12,2) NOT NULL,
  title        VARCHAR(100)  NOT NULL,
  email        VARCHAR(254)  NULL,
  state        VARCHAR(8)    NOT NULL,
  created_at   DATETIME(3)   NOT NULL,
  CONSTRAINT ck_invoice_state CHECK (CASE WHEN state = 'ISSUED' THEN 1 ELSE 0 END = 1),
  CONSTRAINT ck_invoice_amount CHECK (amount >= 0.01 AND amount <= 50000.00)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE UNIQUE INDEX uk_invoice_invoice_no ON invoice (invoice_no);
CREATE UNIQUE INDEX uk_invoice_out_trade_no ON invoice (out_trade_no);
CREATE INDEX ix_invoice_account ON invoice (account_no, created_at);

ALTER TABLE invoice
  ADD CONSTRAINT fk_invoice_payment FOREIGN KEY (out_trade_no) REFERENCES payment_order (out_trade_no);
