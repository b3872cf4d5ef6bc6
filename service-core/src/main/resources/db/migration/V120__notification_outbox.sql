-- Notices published but not yet wholly on the notification queue (an outbox). A row is written in
-- the transaction of the change the notice is about (a ticket moved, an outage published, a payment
-- confirmed), so it exists exactly when that change committed. After the commit the publishing
-- instance resolves the recipients and enqueues them, then marks the row DONE; when that instance
-- dies or the queue is unreachable, the row stays PENDING and the relay of any instance takes it
-- over once next_attempt_at has passed. Delivery deduplication per (recipient, notice key) makes a
-- repeated enqueue harmless. CHECKs of allowed values use CASE: see V1. Times are UTC.
--
-- target_kind USER: target_channel + target are the channel user; ACCOUNT: target is the account
-- no; AREA: target is the area code prefix. cursor: the last binding id of an area fan-out already
-- enqueued (resumption point). next_attempt_at: while PENDING, when another relay may take the row
-- (the holder pushes it forward as it goes: a lease). attempts/last_error: failed runs.

CREATE TABLE notification_outbox (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  target_kind     VARCHAR(7)    NOT NULL,
  target_channel  VARCHAR(16)   NULL,
  target          VARCHAR(128)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  notice_key      VARCHAR(128)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  notice          MEDIUMTEXT    NOT NULL,
  state           VARCHAR(7)    NOT NULL,
  cursor_id       BIGINT        NOT NULL DEFAULT 0,
  recipients      INT           NOT NULL DEFAULT 0,
  attempts        INT           NOT NULL DEFAULT 0,
  last_error      VARCHAR(200)  NULL,
  next_attempt_at DATETIME(3)   NOT NULL,
  created_at      DATETIME(3)   NOT NULL,
  updated_at      DATETIME(3)   NOT NULL,
  done_at         DATETIME(3)   NULL,
  CONSTRAINT ck_notification_outbox_kind CHECK (CASE
    WHEN target_kind = 'USER' AND target_channel IS NOT NULL THEN 1
    WHEN target_kind = 'ACCOUNT' THEN 1
    WHEN target_kind = 'AREA' THEN 1
    ELSE 0 END = 1),
  CONSTRAINT ck_notification_outbox_state CHECK (CASE
    WHEN state = 'PENDING' AND done_at IS NULL THEN 1
    WHEN state = 'DONE' AND done_at IS NOT NULL THEN 1
    ELSE 0 END = 1),
  CONSTRAINT ck_notification_outbox_counts CHECK (attempts >= 0 AND recipients >= 0 AND cursor_id >= 0)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_notification_outbox_due ON notification_outbox (state, next_attempt_at);
CREATE INDEX ix_notification_outbox_done ON notification_outbox (state, done_at);
