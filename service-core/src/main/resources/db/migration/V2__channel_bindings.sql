-- Which channel user (WeChat openid, Alipay user id, web visitor) may act for which account.
-- Unbinding sets unbound_at and never deletes, so the history is kept.
-- active_key is 1 while a binding is active and NULL once unbound: the unique index on it allows
-- any number of unbound rows but at most one active binding per (channel, user, account), which is
-- the portable stand-in for a partial unique index (NULLs never collide in a unique index).
-- channel_user_id is compared case-sensitively (utf8mb4_bin): open ids differ by case.

CREATE TABLE channel_binding (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  channel         VARCHAR(16)  NOT NULL,
  channel_user_id VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  account_no      VARCHAR(13)  NOT NULL,
  verified_at     DATETIME(3)  NOT NULL,
  is_default      BOOLEAN      NOT NULL DEFAULT FALSE,
  unbound_at      DATETIME(3)  NULL,
  created_at      DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  active_key      TINYINT GENERATED ALWAYS AS (CASE WHEN unbound_at IS NULL THEN 1 ELSE NULL END),
  CONSTRAINT ck_channel_binding_default_active CHECK (unbound_at IS NULL OR is_default = FALSE)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE UNIQUE INDEX uk_channel_binding_active
  ON channel_binding (channel, channel_user_id, account_no, active_key);
CREATE INDEX ix_channel_binding_account ON channel_binding (account_no);

ALTER TABLE channel_binding
  ADD CONSTRAINT fk_channel_binding_account FOREIGN KEY (account_no) REFERENCES account (account_no);
