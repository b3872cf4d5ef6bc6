-- Refunds of paid orders, made by staff. Several partial refunds may add up to the order's amount.

CREATE TABLE payment_refund (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  out_refund_no VARCHAR(32)   NOT NULL,
  out_trade_no  VARCHAR(32)   NOT NULL,
  amount        DECIMAL(12,2) NOT NULL,
  reason        VARCHAR(200)  NOT NULL,
  staff         VARCHAR(64)   NOT NULL,
  created_at    DATETIME(3)   NOT NULL,
  CONSTRAINT ck_payment_refund_amount CHECK (amount > 0)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE UNIQUE INDEX uk_payment_refund_out_refund_no ON payment_refund (out_refund_no);
CREATE INDEX ix_payment_refund_order ON payment_refund (out_trade_no);

ALTER TABLE payment_refund
  ADD CONSTRAINT fk_payment_refund_order FOREIGN KEY (out_trade_no) REFERENCES payment_order (out_trade_no);
