-- What the channels reported about their users: follows (with the QR scene or campaign they came
-- from), unfollows, and the platform's delivery reports of template messages. Append-only.
CREATE TABLE channel_user_event (
  id                BIGINT        NOT NULL AUTO_INCREMENT,
  channel           VARCHAR(16)   NOT NULL,
  channel_user_id   VARCHAR(128)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  event             VARCHAR(16)   NOT NULL,
  -- FOLLOW: the scene; DELIVERY: the platform's status
  detail            VARCHAR(128)  NULL,
  -- DELIVERY: the platform's message id
  platform_msg_id   VARCHAR(64)   NULL,
  created_at        TIMESTAMP(3)  NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT ck_channel_user_event CHECK (CASE WHEN event = 'FOLLOW' THEN 1 WHEN event = 'UNFOLLOW' THEN 1 WHEN event = 'DELIVERY' THEN 1 ELSE 0 END = 1)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_channel_user_event_user ON channel_user_event (channel, channel_user_id, created_at);
CREATE INDEX ix_channel_user_event_msg ON channel_user_event (platform_msg_id);
