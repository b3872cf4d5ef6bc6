-- Applications for connection and account changes (业扩报装).
-- Portable SQL as in V1; CHECKs of allowed values use CASE. DATETIME(3) columns hold UTC.
-- No full ID number is ever stored: id_last4 keeps the last four characters (digits or X) only.
-- Every state the application passes through is an application_event row, SUBMITTED included.

CREATE TABLE application (
  id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
  application_no     VARCHAR(20)   NOT NULL,
  type               VARCHAR(20)   NOT NULL,
  channel            VARCHAR(16)   NOT NULL,
  channel_user_id    VARCHAR(128)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  applicant_name     VARCHAR(64)   NOT NULL,
  id_last4           CHAR(4)       NOT NULL,
  phone              VARCHAR(20)   NOT NULL,
  address            VARCHAR(255)  NOT NULL,
  account_no         VARCHAR(13)   NULL,
  requested_kw       DECIMAL(10,2) NULL,
  state              VARCHAR(10)   NOT NULL,
  reject_reason      VARCHAR(500)  NULL,
  submitted_at       DATETIME(3)   NOT NULL,
  updated_at         DATETIME(3)   NOT NULL,
  CONSTRAINT ck_application_type CHECK (CASE WHEN type = 'LOW_VOLTAGE_NEW' THEN 1 WHEN type = 'CAPACITY_INCREASE' THEN 1 WHEN type = 'TEMPORARY_SUPPLY' THEN 1 WHEN type = 'EV_CHARGER' THEN 1 WHEN type = 'RENAME' THEN 1 WHEN type = 'TRANSFER' THEN 1 WHEN type = 'CLOSE_ACCOUNT' THEN 1 ELSE 0 END = 1),
  CONSTRAINT ck_application_state CHECK (CASE WHEN state = 'SUBMITTED' THEN 1 WHEN state = 'ACCEPTED' THEN 1 WHEN state = 'SURVEY' THEN 1 WHEN state = 'APPROVED' THEN 1 WHEN state = 'CONNECTED' THEN 1 WHEN state = 'REJECTED' THEN 1 ELSE 0 END = 1),
  CONSTRAINT ck_application_kw CHECK (requested_kw IS NULL OR requested_kw > 0),
  CONSTRAINT ck_application_rejected CHECK (CASE WHEN state = 'REJECTED' THEN CASE WHEN reject_reason IS NULL THEN 0 ELSE 1 END WHEN reject_reason IS NULL THEN 1 ELSE 0 END = 1)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE UNIQUE INDEX uk_application_no ON application (application_no);
CREATE INDEX ix_application_user ON application (channel, channel_user_id, submitted_at);
CREATE INDEX ix_application_account ON application (account_no);

ALTER TABLE application
  ADD CONSTRAINT fk_application_account FOREIGN KEY (account_no) REFERENCES account (account_no);

-- References to uploaded media (a WeChat media id, an object-store key), in upload order.
CREATE TABLE application_document (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  application_id BIGINT       NOT NULL,
  position       INT          NOT NULL,
  media_ref      VARCHAR(255) NOT NULL,
  created_at     DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE UNIQUE INDEX uk_application_document_position ON application_document (application_id, position);

ALTER TABLE application_document
  ADD CONSTRAINT fk_application_document_application FOREIGN KEY (application_id) REFERENCES application (id);

CREATE TABLE application_event (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  application_id BIGINT       NOT NULL,
  state          VARCHAR(10)  NOT NULL,
  note           VARCHAR(500) NULL,
  created_at     DATETIME(3)  NOT NULL,
  CONSTRAINT ck_application_event_state CHECK (CASE WHEN state = 'SUBMITTED' THEN 1 WHEN state = 'ACCEPTED' THEN 1 WHEN state = 'SURVEY' THEN 1 WHEN state = 'APPROVED' THEN 1 WHEN state = 'CONNECTED' THEN 1 WHEN state = 'REJECTED' THEN 1 ELSE 0 END = 1)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_application_event_application ON application_event (application_id, id);

ALTER TABLE application_event
  ADD CONSTRAINT fk_application_event_application FOREIGN KEY (application_id) REFERENCES application (id);
