-- Complaints and suggestions (投诉建议) customers file in the chat, and their history.
-- reporter_user_id compares case-sensitively (utf8mb4_bin) like channel_user_id in V2.
-- CHECKs of allowed values use CASE: see V1. Times are UTC.

CREATE TABLE complaint (
  id               BIGINT AUTO_INCREMENT PRIMARY KEY,
  complaint_no     VARCHAR(16)   NOT NULL,
  request_id       VARCHAR(64)   NULL,
  reporter_channel VARCHAR(16)   NOT NULL,
  reporter_user_id VARCHAR(128)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  account_no       VARCHAR(13)   NULL,
  category         VARCHAR(20)   NOT NULL,
  content          VARCHAR(1000) NOT NULL,
  contact_phone    VARCHAR(20)   NOT NULL,
  state            VARCHAR(10)   NOT NULL,
  created_at       DATETIME(3)   NOT NULL,
  updated_at       DATETIME(3)   NOT NULL,
  CONSTRAINT ck_complaint_state CHECK (CASE WHEN state = 'RECEIVED' THEN 1 WHEN state = 'HANDLING' THEN 1 WHEN state = 'CLOSED' THEN 1 ELSE 0 END = 1),
  CONSTRAINT ck_complaint_category CHECK (CASE WHEN category = 'SERVICE_ATTITUDE' THEN 1 WHEN category = 'METER_READING' THEN 1 WHEN category = 'BILLING' THEN 1 WHEN category = 'POWER_QUALITY' THEN 1 WHEN category = 'OTHER' THEN 1 ELSE 0 END = 1)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE UNIQUE INDEX uk_complaint_no ON complaint (complaint_no);
CREATE UNIQUE INDEX uk_complaint_request ON complaint (request_id);
CREATE INDEX ix_complaint_reporter ON complaint (reporter_channel, reporter_user_id, created_at);
CREATE INDEX ix_complaint_state ON complaint (state, created_at);

ALTER TABLE complaint
  ADD CONSTRAINT fk_complaint_account FOREIGN KEY (account_no) REFERENCES account (account_no);

-- The day's last complaint sequence number (Beijing dates), for complaint numbers TS+date+seq.
CREATE TABLE complaint_sequence (
  seq_day  DATE NOT NULL PRIMARY KEY,
  last_seq INT  NOT NULL
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every transition of a complaint, the first one (to RECEIVED) included.
-- actor is a staff id or 'customer'.
CREATE TABLE complaint_event (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  complaint_id BIGINT       NOT NULL,
  from_state   VARCHAR(10)  NULL,
  to_state     VARCHAR(10)  NOT NULL,
  actor        VARCHAR(64)  NOT NULL,
  note         VARCHAR(500) NULL,
  occurred_at  DATETIME(3)  NOT NULL
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_complaint_event_complaint ON complaint_event (complaint_id, id);

ALTER TABLE complaint_event
  ADD CONSTRAINT fk_complaint_event_complaint FOREIGN KEY (complaint_id) REFERENCES complaint (id);
