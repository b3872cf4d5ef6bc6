-- Campaigns (offers, tips, activities) are a kind of notice of their own, off by default: only users
-- who opted in to "campaign" get them, whatever else they subscribed to.
ALTER TABLE notification_subscription DROP CONSTRAINT ck_notification_subscription_kind;
ALTER TABLE notification_subscription ADD CONSTRAINT ck_notification_subscription_kind CHECK (CASE WHEN kind = 'low_balance' THEN 1 WHEN kind = 'arrears' THEN 1 WHEN kind = 'outage' THEN 1 WHEN kind = 'monthly_bill' THEN 1 WHEN kind = 'progress' THEN 1 WHEN kind = 'payment' THEN 1 WHEN kind = 'campaign' THEN 1 ELSE 0 END = 1);
