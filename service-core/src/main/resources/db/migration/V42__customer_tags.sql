-- Customer tags per account, for personalised tips and campaigns.
-- source RULE: computed from accounts and bills, replaced on every recompute.
-- source STAFF: set by staff, never touched by the rules. One tag may have both sources.
-- CHECKs of allowed values use CASE: see V1.

CREATE TABLE customer_tag (
  account_no VARCHAR(13) NOT NULL,
  tag        VARCHAR(32) NOT NULL,
  source     VARCHAR(5)  NOT NULL,
  added_by   VARCHAR(64) NULL,
  created_at DATETIME(3) NOT NULL,
  PRIMARY KEY (account_no, tag, source),
  CONSTRAINT ck_customer_tag_source CHECK (CASE
    WHEN source = 'RULE' AND added_by IS NULL THEN 1
    WHEN source = 'STAFF' AND added_by IS NOT NULL THEN 1
    ELSE 0 END = 1)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- campaigns: every account with a tag, in account order
CREATE INDEX ix_customer_tag_tag ON customer_tag (tag, account_no);

ALTER TABLE customer_tag
  ADD CONSTRAINT fk_customer_tag_account FOREIGN KEY (account_no) REFERENCES account (account_no);
