-- Every message received from and sent to a channel user, for staff review and training data.
-- CHECKs of allowed values use CASE: see V1.

CREATE TABLE conversation_log (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  channel         VARCHAR(16)   NOT NULL,
  channel_user_id VARCHAR(128)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  direction       VARCHAR(3)    NOT NULL,
  message_id      VARCHAR(128)  NULL,
  text            VARCHAR(2000) NOT NULL,
  intent          VARCHAR(128)  NULL,
  confidence      DECIMAL(5,4)  NULL,
  created_at      DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  CONSTRAINT ck_conversation_log_direction CHECK (CASE WHEN direction = 'IN' THEN 1 WHEN direction = 'OUT' THEN 1 ELSE 0 END = 1),
  CONSTRAINT ck_conversation_log_confidence CHECK (confidence IS NULL OR (confidence >= 0 AND confidence <= 1))
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_conversation_log_user_time
  ON conversation_log (channel, channel_user_id, created_at);
