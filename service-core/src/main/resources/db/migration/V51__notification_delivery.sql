-- One row per (recipient, notice key): the delivery record and the deduplication key, so that
-- nobody gets the same notice twice even when the queue delivers an entry twice or the same notice
-- is published twice. CHECKs of allowed values use CASE: see V1.
--
-- state: QUEUED -> SENT | RETRY | FAILED | DEAD, RETRY -> SENT | RETRY | FAILED | DEAD (see
-- DeliveryState). attempts counts the sends tried. lease_until/leased_by: a consumer that is
-- sending holds a lease (a conditional UPDATE); another consumer holding a duplicate queue entry
-- waits for the lease to end instead of sending again. next_attempt_at: when a RETRY is due.

CREATE TABLE notification_delivery (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  channel         VARCHAR(16)   NOT NULL,
  channel_user_id VARCHAR(128)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  notice_key      VARCHAR(128)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  kind            VARCHAR(16)   NOT NULL,
  state           VARCHAR(8)    NOT NULL,
  attempts        INT           NOT NULL DEFAULT 0,
  last_error      VARCHAR(500)  NULL,
  lease_until     DATETIME(3)   NULL,
  leased_by       VARCHAR(64)   NULL,
  next_attempt_at DATETIME(3)   NULL,
  created_at      DATETIME(3)   NOT NULL,
  updated_at      DATETIME(3)   NOT NULL,
  sent_at         DATETIME(3)   NULL,
  CONSTRAINT ck_notification_delivery_state CHECK (CASE WHEN state = 'QUEUED' THEN 1 WHEN state = 'SENT' THEN 1 WHEN state = 'RETRY' THEN 1 WHEN state = 'FAILED' THEN 1 WHEN state = 'DEAD' THEN 1 ELSE 0 END = 1),
  CONSTRAINT ck_notification_delivery_attempts CHECK (attempts >= 0),
  CONSTRAINT ck_notification_delivery_sent_at CHECK ((state = 'SENT' AND sent_at IS NOT NULL) OR (state <> 'SENT' AND sent_at IS NULL))
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE UNIQUE INDEX uk_notification_delivery_recipient_key
  ON notification_delivery (channel, channel_user_id, notice_key);
CREATE INDEX ix_notification_delivery_state ON notification_delivery (state, updated_at);

-- Scheduled jobs run once across all instances: a runner takes the lock with a conditional UPDATE
-- (locked_until in the past) and holds it until it releases it or locked_until passes.
CREATE TABLE job_lock (
  name         VARCHAR(64) NOT NULL PRIMARY KEY,
  locked_until DATETIME(3) NOT NULL,
  locked_by    VARCHAR(64) NOT NULL
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
