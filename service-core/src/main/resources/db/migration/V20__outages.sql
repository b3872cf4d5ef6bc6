-- Power outages: planned (announced ahead of time) and unplanned (opened by staff or detected from a
-- cluster of fault reports). An outage covers every account whose area_code starts with one of its
-- area prefixes (outage_area). CHECKs of allowed values use CASE: see V1.
--
-- open_key is 1 while an outage that was detected automatically (auto_area set) is ACTIVE and NULL
-- otherwise: the unique index on (auto_area, open_key) allows at most one open detected outage per
-- area, the backstop against two outages for one cluster of reports.

CREATE TABLE outage (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  kind          VARCHAR(10)  NOT NULL,
  state         VARCHAR(10)  NOT NULL,
  reason        VARCHAR(500) NOT NULL,
  starts_at     DATETIME(3)  NOT NULL,
  expected_end  DATETIME(3)  NULL,
  eta_revision  INT          NOT NULL DEFAULT 0,
  auto_area     VARCHAR(32)  NULL,
  restored_at   DATETIME(3)  NULL,
  created_by    VARCHAR(64)  NOT NULL,
  created_at    DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at    DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  open_key      TINYINT GENERATED ALWAYS AS (CASE WHEN auto_area IS NOT NULL AND state = 'ACTIVE' THEN 1 ELSE NULL END),
  CONSTRAINT ck_outage_kind CHECK (CASE WHEN kind = 'PLANNED' THEN 1 WHEN kind = 'UNPLANNED' THEN 1 ELSE 0 END = 1),
  CONSTRAINT ck_outage_state CHECK (CASE WHEN state = 'SCHEDULED' THEN 1 WHEN state = 'ANNOUNCED' THEN 1 WHEN state = 'ACTIVE' THEN 1 WHEN state = 'RESTORED' THEN 1 WHEN state = 'CANCELLED' THEN 1 ELSE 0 END = 1),
  CONSTRAINT ck_outage_planned_end CHECK (kind = 'UNPLANNED' OR expected_end IS NOT NULL),
  CONSTRAINT ck_outage_restored_at CHECK ((state = 'RESTORED' AND restored_at IS NOT NULL) OR (state <> 'RESTORED' AND restored_at IS NULL))
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE UNIQUE INDEX uk_outage_auto_open ON outage (auto_area, open_key);
CREATE INDEX ix_outage_state ON outage (state, starts_at);

CREATE TABLE outage_area (
  outage_id   BIGINT      NOT NULL,
  area_prefix VARCHAR(32) NOT NULL,
  PRIMARY KEY (outage_id, area_prefix)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_outage_area_prefix ON outage_area (area_prefix);

ALTER TABLE outage_area
  ADD CONSTRAINT fk_outage_area_outage FOREIGN KEY (outage_id) REFERENCES outage (id);

-- Every change of an outage's state or estimate; actor is a staff id or 'system'.
CREATE TABLE outage_event (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  outage_id    BIGINT       NOT NULL,
  from_state   VARCHAR(10)  NULL,
  to_state     VARCHAR(10)  NOT NULL,
  expected_end DATETIME(3)  NULL,
  actor        VARCHAR(64)  NOT NULL,
  note         VARCHAR(500) NULL,
  occurred_at  DATETIME(3)  NOT NULL
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_outage_event_outage ON outage_event (outage_id, id);

ALTER TABLE outage_event
  ADD CONSTRAINT fk_outage_event_outage FOREIGN KEY (outage_id) REFERENCES outage (id);
