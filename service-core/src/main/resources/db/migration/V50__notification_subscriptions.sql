-- What each channel user wants to be told (notification_subscription) and when not to disturb them
-- (notification_quiet_hours). Portable SQL: see V1. CHECKs of allowed values use CASE: see V1.
--
-- account_no is NULL for user-level rows (progress, and payment for all of the user's accounts).
-- account_key is the account number or '-' for user-level rows, so that the unique index allows
-- exactly one row per (user, kind, account or user level): NULLs would never collide.
-- A row is never deleted: unsubscribing sets active = FALSE, which is also how an explicit opt-out
-- of a kind that is on by default (progress, payment) is remembered.
-- threshold is the low_balance reminder threshold in yuan (NULL for other kinds).
-- No foreign key to account: the demo data script deletes and re-creates its accounts, and the
-- recipient queries join active accounts anyway.

CREATE TABLE notification_subscription (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  channel         VARCHAR(16)   NOT NULL,
  channel_user_id VARCHAR(128)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  kind            VARCHAR(16)   NOT NULL,
  account_no      VARCHAR(13)   NULL,
  account_key     VARCHAR(13)   GENERATED ALWAYS AS (COALESCE(account_no, '-')),
  threshold       DECIMAL(12,2) NULL,
  active          BOOLEAN       NOT NULL,
  created_at      DATETIME(3)   NOT NULL,
  updated_at      DATETIME(3)   NOT NULL,
  CONSTRAINT ck_notification_subscription_kind CHECK (CASE WHEN kind = 'low_balance' THEN 1 WHEN kind = 'arrears' THEN 1 WHEN kind = 'outage' THEN 1 WHEN kind = 'monthly_bill' THEN 1 WHEN kind = 'progress' THEN 1 WHEN kind = 'payment' THEN 1 ELSE 0 END = 1),
  CONSTRAINT ck_notification_subscription_threshold CHECK (threshold IS NULL OR threshold >= 0)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE UNIQUE INDEX uk_notification_subscription
  ON notification_subscription (channel, channel_user_id, kind, account_key);
-- the scans start from a kind and walk the accounts
CREATE INDEX ix_notification_subscription_kind_account
  ON notification_subscription (kind, account_no);

CREATE TABLE notification_quiet_hours (
  channel         VARCHAR(16)  NOT NULL,
  channel_user_id VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  start_time      TIME         NOT NULL,
  end_time        TIME         NOT NULL,
  zone            VARCHAR(40)  NOT NULL,
  updated_at      DATETIME(3)  NOT NULL,
  PRIMARY KEY (channel, channel_user_id),
  CONSTRAINT ck_notification_quiet_hours_span CHECK (start_time <> end_time)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
