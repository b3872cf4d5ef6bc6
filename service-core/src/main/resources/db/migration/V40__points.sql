-- Loyalty points: one points account per electricity account and its ledger.
-- Portable SQL (MariaDB/MySQL and H2 in MySQL mode); CHECKs of allowed values use CASE: see V1.
--
-- points_account.balance is the sum of every entry's delta and never negative.
-- Every positive entry (EARN_*, positive ADJUST) is a lot: it expires at expires_at and
-- remaining says how much of it is unspent. Spending (REDEEM, negative ADJUST) takes from the lots
-- that expire first (FIFO); EXPIRE writes off the remaining of a lot once it is due. So balance is
-- also the sum of remaining over the account's lots. Negative entries have no expiry and no
-- remaining. All changes of one account happen while its points_account row is locked.
-- (reason, reference) is unique: it makes earning per payment (outTradeNo), redeeming per request
-- and expiring per lot ('lot:<id>') idempotent.

CREATE TABLE points_account (
  account_no VARCHAR(13) NOT NULL PRIMARY KEY,
  balance    INT         NOT NULL DEFAULT 0,
  created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  CONSTRAINT ck_points_account_balance CHECK (balance >= 0)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE points_account
  ADD CONSTRAINT fk_points_account_account FOREIGN KEY (account_no) REFERENCES account (account_no);

CREATE TABLE points_entry (
  id         BIGINT AUTO_INCREMENT PRIMARY KEY,
  account_no VARCHAR(13) NOT NULL,
  delta      INT         NOT NULL,
  reason     VARCHAR(16) NOT NULL,
  reference  VARCHAR(80) NOT NULL,
  created_at DATETIME(3) NOT NULL,
  expires_at DATETIME(3) NULL,
  remaining  INT         NULL,
  CONSTRAINT ck_points_entry_reason CHECK (CASE
    WHEN reason = 'EARN_PAYMENT' AND delta > 0 THEN 1
    WHEN reason = 'EARN_ON_TIME' AND delta > 0 THEN 1
    WHEN reason = 'EARN_ONLINE' AND delta > 0 THEN 1
    WHEN reason = 'REDEEM' AND delta < 0 THEN 1
    WHEN reason = 'EXPIRE' AND delta < 0 THEN 1
    WHEN reason = 'ADJUST' AND delta <> 0 THEN 1
    ELSE 0 END = 1),
  CONSTRAINT ck_points_entry_lot CHECK (CASE
    WHEN delta > 0 AND expires_at IS NOT NULL AND remaining >= 0 AND remaining <= delta THEN 1
    WHEN delta < 0 AND expires_at IS NULL AND remaining IS NULL THEN 1
    ELSE 0 END = 1)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE UNIQUE INDEX uk_points_entry_reason_reference ON points_entry (reason, reference);
-- history (latest first) and FIFO lots of one account; also serves the foreign key
CREATE INDEX ix_points_entry_account_time ON points_entry (account_no, created_at);
CREATE INDEX ix_points_entry_account_expiry ON points_entry (account_no, expires_at);
-- the expiry job's search for due lots
CREATE INDEX ix_points_entry_expiry ON points_entry (expires_at);

ALTER TABLE points_entry
  ADD CONSTRAINT fk_points_entry_account FOREIGN KEY (account_no) REFERENCES points_account (account_no);
