-- Refunds to send (V110) are retried with backoff, given up after a number of attempts, and
-- followed to their end at the platform.
-- next_attempt_at: when a PENDING refund is due to be sent (again); pending refunds not yet due are
-- left alone. failure: why a refund is FAILED, REFUSED (the platform refused it for good) or
-- ATTEMPTS (transient errors lasted past the attempt cap: staff may check and send it again).
-- After SENT: SUCCEEDED once the platform paid the money back (finished_at: the platform's time),
-- ABNORMAL when it ended the refund without paying (WeChat Pay ABNORMAL/CLOSED; last_error holds
-- why; staff act). sent_at: when the platform accepted it; checked_at: when the platform last told
-- about it (accepted it, or answered a query), which paces the follow-up queries.
-- CHECKs of allowed values use CASE: see V1. Times are UTC.

ALTER TABLE refund_dispatch ADD COLUMN next_attempt_at DATETIME(3) NULL;
ALTER TABLE refund_dispatch ADD COLUMN failure VARCHAR(8) NULL;
ALTER TABLE refund_dispatch ADD COLUMN sent_at DATETIME(3) NULL;
ALTER TABLE refund_dispatch ADD COLUMN checked_at DATETIME(3) NULL;
ALTER TABLE refund_dispatch ADD COLUMN finished_at DATETIME(3) NULL;

UPDATE refund_dispatch SET next_attempt_at = updated_at;
UPDATE refund_dispatch SET failure = 'REFUSED' WHERE state = 'FAILED';
UPDATE refund_dispatch SET sent_at = updated_at, checked_at = updated_at WHERE state = 'SENT';

ALTER TABLE refund_dispatch MODIFY COLUMN next_attempt_at DATETIME(3) NOT NULL;

ALTER TABLE refund_dispatch DROP CONSTRAINT ck_refund_dispatch_state;
ALTER TABLE refund_dispatch MODIFY COLUMN state VARCHAR(9) NOT NULL;
ALTER TABLE refund_dispatch ADD CONSTRAINT ck_refund_dispatch_state CHECK (CASE
    WHEN state = 'PENDING' AND failure IS NULL THEN 1
    WHEN state = 'SENT' AND failure IS NULL AND sent_at IS NOT NULL AND checked_at IS NOT NULL THEN 1
    WHEN state = 'SUCCEEDED' AND failure IS NULL AND finished_at IS NOT NULL THEN 1
    WHEN state = 'ABNORMAL' AND failure IS NULL AND last_error IS NOT NULL
      AND finished_at IS NOT NULL THEN 1
    WHEN state = 'FAILED' AND last_error IS NOT NULL AND failure = 'REFUSED' THEN 1
    WHEN state = 'FAILED' AND last_error IS NOT NULL AND failure = 'ATTEMPTS' THEN 1
    ELSE 0 END = 1);

CREATE INDEX ix_refund_dispatch_due ON refund_dispatch (state, channel, next_attempt_at);
CREATE INDEX ix_refund_dispatch_awaiting ON refund_dispatch (state, channel, checked_at);
