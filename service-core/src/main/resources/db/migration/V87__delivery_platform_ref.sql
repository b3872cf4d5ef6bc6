-- What the platform called a sent message (a WeChat template message's msgid, an SMS gateway's
-- message id), so that the platform's later delivery reports can be matched to the notice.
ALTER TABLE notification_delivery ADD COLUMN platform_ref VARCHAR(64) NULL;
CREATE INDEX ix_notification_delivery_platform_ref ON notification_delivery (platform_ref);
