-- Conversations handed from the robot to a human agent. A handoff waits (QUEUED), is held by an
-- agent (HELD), and ends when the agent gives it back (RELEASED) or the customer stops waiting
-- (LEFT). open_key is 'channel:user' while the handoff is open and NULL once it is closed: its
-- unique index allows one open handoff per conversation (NULLs do not collide).
-- CHECKs of allowed values use CASE: see V1.

CREATE TABLE handoff (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  channel         VARCHAR(16)   NOT NULL,
  channel_user_id VARCHAR(128)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  open_key        VARCHAR(150)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
  state           VARCHAR(8)    NOT NULL,
  reason          VARCHAR(32)   NOT NULL,
  last_text       VARCHAR(255)  NULL,
  agent           VARCHAR(48)   NULL,
  queued_at       DATETIME(3)   NOT NULL,
  claimed_at      DATETIME(3)   NULL,
  closed_at       DATETIME(3)   NULL,
  CONSTRAINT ck_handoff_state CHECK (CASE WHEN state = 'QUEUED' THEN 1 WHEN state = 'HELD' THEN 1 WHEN state = 'RELEASED' THEN 1 WHEN state = 'LEFT' THEN 1 ELSE 0 END = 1),
  CONSTRAINT ck_handoff_open CHECK ((open_key IS NULL) = (closed_at IS NOT NULL))
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE UNIQUE INDEX ux_handoff_open_key ON handoff (open_key);

CREATE INDEX ix_handoff_state_queued ON handoff (state, queued_at);

CREATE INDEX ix_handoff_user ON handoff (channel, channel_user_id);
