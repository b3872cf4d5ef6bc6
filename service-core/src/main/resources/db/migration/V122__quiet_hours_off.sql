-- A customer may turn quiet hours off (every notice at any hour): enabled = FALSE, and then the row
-- has no times. CHECKs of allowed values use CASE: see V1.

ALTER TABLE notification_quiet_hours DROP CONSTRAINT ck_notification_quiet_hours_span;
ALTER TABLE notification_quiet_hours ADD COLUMN enabled BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE notification_quiet_hours MODIFY COLUMN start_time TIME NULL;
ALTER TABLE notification_quiet_hours MODIFY COLUMN end_time TIME NULL;

ALTER TABLE notification_quiet_hours ADD CONSTRAINT ck_notification_quiet_hours_span CHECK (CASE
  WHEN enabled = TRUE AND start_time IS NOT NULL AND end_time IS NOT NULL AND start_time <> end_time THEN 1
  WHEN enabled = FALSE AND start_time IS NULL AND end_time IS NULL THEN 1
  ELSE 0 END = 1);
