-- Repair tickets (报修工单) raised by customers' fault reports, their photos and their history.
-- reporter_user_id compares case-sensitively (utf8mb4_bin) like channel_user_id in V2.
-- CHECKs of allowed values use CASE: see V1. Times are UTC.

CREATE TABLE repair_ticket (
  id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
  ticket_no            VARCHAR(16)   NOT NULL,
  reporter_channel     VARCHAR(16)   NOT NULL,
  reporter_user_id     VARCHAR(128)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  account_no           VARCHAR(13)   NULL,
  latitude             DECIMAL(9,6)  NULL,
  longitude            DECIMAL(9,6)  NULL,
  address              VARCHAR(255)  NULL,
  area_code            VARCHAR(32)   NOT NULL,
  description          VARCHAR(1000) NOT NULL,
  contact_phone        VARCHAR(20)   NOT NULL,
  state                VARCHAR(10)   NOT NULL,
  expected_restoration DATETIME(3)   NULL,
  eta_revision         INT           NOT NULL DEFAULT 0,
  outage_id            BIGINT        NULL,
  reported_at          DATETIME(3)   NOT NULL,
  updated_at           DATETIME(3)   NOT NULL,
  CONSTRAINT ck_repair_ticket_state CHECK (CASE WHEN state = 'RECEIVED' THEN 1 WHEN state = 'DISPATCHED' THEN 1 WHEN state = 'ON_SITE' THEN 1 WHEN state = 'RESOLVED' THEN 1 WHEN state = 'CANCELLED' THEN 1 ELSE 0 END = 1),
  CONSTRAINT ck_repair_ticket_where CHECK (account_no IS NOT NULL OR address IS NOT NULL OR (latitude IS NOT NULL AND longitude IS NOT NULL)),
  CONSTRAINT ck_repair_ticket_location CHECK ((latitude IS NULL AND longitude IS NULL) OR (latitude IS NOT NULL AND longitude IS NOT NULL))
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE UNIQUE INDEX uk_repair_ticket_no ON repair_ticket (ticket_no);
CREATE INDEX ix_repair_ticket_reporter ON repair_ticket (reporter_channel, reporter_user_id, reported_at);
CREATE INDEX ix_repair_ticket_area ON repair_ticket (area_code, state, reported_at);
CREATE INDEX ix_repair_ticket_outage ON repair_ticket (outage_id);

ALTER TABLE repair_ticket
  ADD CONSTRAINT fk_repair_ticket_account FOREIGN KEY (account_no) REFERENCES account (account_no);
ALTER TABLE repair_ticket
  ADD CONSTRAINT fk_repair_ticket_outage FOREIGN KEY (outage_id) REFERENCES outage (id);

-- Media references (uploaded photo ids or URLs) in the order the customer sent them.
CREATE TABLE repair_ticket_photo (
  ticket_id BIGINT       NOT NULL,
  ordinal   INT          NOT NULL,
  media_ref VARCHAR(512) NOT NULL,
  PRIMARY KEY (ticket_id, ordinal)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE repair_ticket_photo
  ADD CONSTRAINT fk_repair_ticket_photo_ticket FOREIGN KEY (ticket_id) REFERENCES repair_ticket (id);

-- Every transition of a ticket, the first one (to RECEIVED) included.
-- actor is a staff id, 'customer' or 'system'.
CREATE TABLE repair_ticket_event (
  id         BIGINT AUTO_INCREMENT PRIMARY KEY,
  ticket_id  BIGINT       NOT NULL,
  from_state VARCHAR(10)  NULL,
  to_state   VARCHAR(10)  NOT NULL,
  actor      VARCHAR(64)  NOT NULL,
  note       VARCHAR(500) NULL,
  occurred_at DATETIME(3) NOT NULL
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_repair_ticket_event_ticket ON repair_ticket_event (ticket_id, id);

ALTER TABLE repair_ticket_event
  ADD CONSTRAINT fk_repair_ticket_event_ticket FOREIGN KEY (ticket_id) REFERENCES repair_ticket (id);

-- The last ticket sequence number handed out per day (Beijing time): R + yyyyMMdd + sequence.
CREATE TABLE repair_ticket_sequence (
  seq_day  DATE NOT NULL PRIMARY KEY,
  last_seq INT  NOT NULL
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per area that ever reported a fault; fault reports of one area lock its row, so that
-- cluster detection sees every earlier report of the area and opens at most one outage.
CREATE TABLE repair_area_lock (
  area_code VARCHAR(32) NOT NULL PRIMARY KEY
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A fault report from an area under a known outage: recorded against the outage instead of
-- becoming a ticket, so nothing the customer said is lost.
CREATE TABLE outage_report (
  id               BIGINT AUTO_INCREMENT PRIMARY KEY,
  outage_id        BIGINT        NOT NULL,
  reporter_channel VARCHAR(16)   NOT NULL,
  reporter_user_id VARCHAR(128)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  account_no       VARCHAR(13)   NULL,
  latitude         DECIMAL(9,6)  NULL,
  longitude        DECIMAL(9,6)  NULL,
  address          VARCHAR(255)  NULL,
  area_code        VARCHAR(32)   NOT NULL,
  description      VARCHAR(1000) NOT NULL,
  contact_phone    VARCHAR(20)   NOT NULL,
  reported_at      DATETIME(3)   NOT NULL
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_outage_report_outage ON outage_report (outage_id);

ALTER TABLE outage_report
  ADD CONSTRAINT fk_outage_report_outage FOREIGN KEY (outage_id) REFERENCES outage (id);
ALTER TABLE outage_report
  ADD CONSTRAINT fk_outage_report_account FOREIGN KEY (account_no) REFERENCES account (account_no);

CREATE TABLE outage_report_photo (
  report_id BIGINT       NOT NULL,
  ordinal   INT          NOT NULL,
  media_ref VARCHAR(512) NOT NULL,
  PRIMARY KEY (report_id, ordinal)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE outage_report_photo
  ADD CONSTRAINT fk_outage_report_photo_report FOREIGN KEY (report_id) REFERENCES outage_report (id);
