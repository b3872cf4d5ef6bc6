-- Auto-debit (代扣) agreements of accounts with Alipay or WeChat Pay.
-- A row is written PENDING when the customer is sent to the platform's signing page (request_id
-- goes into the page's URL), becomes SIGNED when the platform's notification brings its
-- agreement_no, and UNSIGNED when cancelled; rows are never deleted.
-- CHECKs of allowed values use CASE: see V1. channel_user_id compares case-sensitively: see V2.

CREATE TABLE auto_debit_agreement (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  request_id      VARCHAR(64)  NOT NULL,
  account_no      VARCHAR(13)  NOT NULL,
  user_channel    VARCHAR(16)  NOT NULL,
  channel_user_id VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  channel         VARCHAR(8)   NOT NULL,
  state           VARCHAR(8)   NOT NULL,
  agreement_no    VARCHAR(64)  NULL,
  created_at      DATETIME(3)  NOT NULL,
  updated_at      DATETIME(3)  NOT NULL,
  CONSTRAINT ck_auto_debit_channel CHECK (CASE WHEN channel = 'ALIPAY' THEN 1 WHEN channel = 'WECHAT' THEN 1 ELSE 0 END = 1),
  CONSTRAINT ck_auto_debit_state CHECK (CASE
    WHEN state = 'PENDING' AND agreement_no IS NULL THEN 1
    WHEN state = 'SIGNED' AND agreement_no IS NOT NULL THEN 1
    WHEN state = 'UNSIGNED' THEN 1
    ELSE 0 END = 1)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE UNIQUE INDEX uk_auto_debit_request ON auto_debit_agreement (request_id);
CREATE UNIQUE INDEX uk_auto_debit_agreement_no ON auto_debit_agreement (channel, agreement_no);
CREATE INDEX ix_auto_debit_account ON auto_debit_agreement (account_no, created_at);

ALTER TABLE auto_debit_agreement
  ADD CONSTRAINT fk_auto_debit_account FOREIGN KEY (account_no) REFERENCES account (account_no);
