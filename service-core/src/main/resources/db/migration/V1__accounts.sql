-- Customers and their electricity accounts (户号).
-- Portable SQL: runs unchanged on MySQL 8 / MariaDB 10.11 and on H2 2.x in MySQL mode.
-- Table character sets are forced to utf8mb4 so that Chinese text round-trips whatever the
-- database default is (H2 accepts and ignores the clause).
-- All DATETIME(3) columns hold UTC; the application connects with its session time zone at UTC.
-- A CHECK that lists allowed values uses CASE, never IN (...) or an OR of equalities (which H2
-- turns into IN): on H2 2.4.240 such a CHECK fails with "database has been closed" once the
-- connection that created it is closed (h2database/h2database#4308).

CREATE TABLE customer (
  id         BIGINT AUTO_INCREMENT PRIMARY KEY,
  name       VARCHAR(64) NOT NULL,
  created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE account (
  account_no       VARCHAR(13)   NOT NULL PRIMARY KEY,
  customer_id      BIGINT        NOT NULL,
  billing_mode     VARCHAR(8)    NOT NULL,
  balance          DECIMAL(12,2) NOT NULL DEFAULT 0,
  arrears          DECIMAL(12,2) NOT NULL DEFAULT 0,
  address          VARCHAR(255)  NOT NULL,
  area_code        VARCHAR(32)   NOT NULL,
  registered_phone VARCHAR(20)   NOT NULL,
  status           VARCHAR(8)    NOT NULL DEFAULT 'ACTIVE',
  created_at       DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at       DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  version          INT           NOT NULL DEFAULT 0,
  CONSTRAINT ck_account_billing_mode CHECK (CASE WHEN billing_mode = 'PREPAID' THEN 1 WHEN billing_mode = 'POSTPAID' THEN 1 ELSE 0 END = 1),
  CONSTRAINT ck_account_status CHECK (CASE WHEN status = 'ACTIVE' THEN 1 WHEN status = 'CLOSED' THEN 1 ELSE 0 END = 1),
  CONSTRAINT ck_account_arrears CHECK (arrears >= 0)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_account_customer ON account (customer_id);

ALTER TABLE account
  ADD CONSTRAINT fk_account_customer FOREIGN KEY (customer_id) REFERENCES customer (id);
