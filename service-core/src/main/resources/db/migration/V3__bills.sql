-- Monthly electricity bills: consumption by time-of-use band (peak, valley, flat) and the amount.

CREATE TABLE bill (
  id         BIGINT AUTO_INCREMENT PRIMARY KEY,
  account_no VARCHAR(13)   NOT NULL,
  period     CHAR(7)       NOT NULL,
  kwh_peak   DECIMAL(12,2) NOT NULL,
  kwh_valley DECIMAL(12,2) NOT NULL,
  kwh_flat   DECIMAL(12,2) NOT NULL,
  amount     DECIMAL(12,2) NOT NULL,
  due_date   DATE          NOT NULL,
  paid       BOOLEAN       NOT NULL DEFAULT FALSE,
  paid_at    DATETIME(3)   NULL,
  created_at DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  CONSTRAINT ck_bill_paid_at CHECK ((paid = TRUE AND paid_at IS NOT NULL) OR (paid = FALSE AND paid_at IS NULL))
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- also serves the foreign key on account_no (leftmost column)
CREATE UNIQUE INDEX uk_bill_account_period ON bill (account_no, period);

ALTER TABLE bill
  ADD CONSTRAINT fk_bill_account FOREIGN KEY (account_no) REFERENCES account (account_no);
