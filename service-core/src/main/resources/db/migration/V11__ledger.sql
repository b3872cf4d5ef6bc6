-- The ledger: every movement of an account's money is one row, never updated or deleted.
-- amount is signed from the customer's side (PAYMENT +, REFUND -, BILL_CHARGE -, ADJUSTMENT +/-) and
-- is split into what it did to the account's balance (prepaid credit) and to its arrears:
-- amount = balance_delta - arrears_delta. The sums of the deltas per account are the account's
-- balance and arrears; balance_after/arrears_after are the account row right after the entry.
-- dedup_key makes each movement happen once (payment:<out_trade_no>, bill:<account>:<period>,
-- refund:<out_refund_no>); NULL for entries that need none.

CREATE TABLE ledger_entry (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  account_no    VARCHAR(13)   NOT NULL,
  entry_type    VARCHAR(16)   NOT NULL,
  amount        DECIMAL(12,2) NOT NULL,
  balance_delta DECIMAL(12,2) NOT NULL,
  arrears_delta DECIMAL(12,2) NOT NULL,
  balance_after DECIMAL(12,2) NOT NULL,
  arrears_after DECIMAL(12,2) NOT NULL,
  reference     VARCHAR(64)   NOT NULL,
  dedup_key     VARCHAR(96)   NULL,
  occurred_at   DATETIME(3)   NOT NULL,
  created_at    DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  CONSTRAINT ck_ledger_entry_type CHECK (CASE WHEN entry_type = 'PAYMENT' THEN 1 WHEN entry_type = 'REFUND' THEN 1 WHEN entry_type = 'BILL_CHARGE' THEN 1 WHEN entry_type = 'ADJUSTMENT' THEN 1 ELSE 0 END = 1),
  CONSTRAINT ck_ledger_entry_split CHECK (amount = balance_delta - arrears_delta),
  CONSTRAINT ck_ledger_entry_arrears CHECK (arrears_after >= 0)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE UNIQUE INDEX uk_ledger_entry_dedup ON ledger_entry (dedup_key);
-- also serves the foreign key on account_no (leftmost column)
CREATE INDEX ix_ledger_entry_account ON ledger_entry (account_no, id);
CREATE INDEX ix_ledger_entry_type_time ON ledger_entry (entry_type, occurred_at);

ALTER TABLE ledger_entry
  ADD CONSTRAINT fk_ledger_entry_account FOREIGN KEY (account_no) REFERENCES account (account_no);

-- How much of a bill payments (or the balance) have covered so far; the bill is paid once it is
-- all covered. Bills paid before the ledger existed count as fully covered.
ALTER TABLE bill ADD COLUMN settled_amount DECIMAL(12,2) NOT NULL DEFAULT 0;
UPDATE bill SET settled_amount = amount WHERE paid = TRUE;
ALTER TABLE bill
  ADD CONSTRAINT ck_bill_settled CHECK (settled_amount >= 0 AND settled_amount <= amount);

-- Accounts that exist before the ledger start with one opening entry, so that the ledger explains
-- their position from the start.
INSERT INTO ledger_entry
  (account_no, entry_type, amount, balance_delta, arrears_delta, balance_after, arrears_after,
   reference, dedup_key, occurred_at)
SELECT a.account_no, 'ADJUSTMENT', a.balance - a.arrears, a.balance, a.arrears, a.balance, a.arrears,
       'opening', CONCAT('opening:', a.account_no), CURRENT_TIMESTAMP(3)
FROM account a
WHERE a.balance <> 0 OR a.arrears <> 0;
