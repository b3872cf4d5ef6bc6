-- Refunds still to be sent to the payment platform (an outbox): written PENDING in the transaction
-- that records a refund of a WECHAT or ALIPAY order, then sent by that channel's job. SENT once the
-- platform accepted it (platform_refund_id is its id), FAILED when the platform refused it for good
-- (staff take over). A transient error keeps it PENDING with attempts and last_error raised.
-- out_refund_no goes to the platform, which makes a repeated send the same refund there.
-- CHECKs of allowed values use CASE: see V1. Times are UTC.

CREATE TABLE refund_dispatch (
  id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
  out_refund_no      VARCHAR(32)   NOT NULL,
  out_trade_no       VARCHAR(32)   NOT NULL,
  channel            VARCHAR(8)    NOT NULL,
  amount             DECIMAL(12,2) NOT NULL,
  order_total        DECIMAL(12,2) NOT NULL,
  state              VARCHAR(7)    NOT NULL,
  attempts           INT           NOT NULL DEFAULT 0,
  last_error         VARCHAR(200)  NULL,
  platform_refund_id VARCHAR(64)   NULL,
  created_at         DATETIME(3)   NOT NULL,
  updated_at         DATETIME(3)   NOT NULL,
  CONSTRAINT ck_refund_dispatch_state CHECK (CASE
    WHEN state = 'PENDING' THEN 1
    WHEN state = 'SENT' THEN 1
    WHEN state = 'FAILED' AND last_error IS NOT NULL THEN 1
    ELSE 0 END = 1),
  CONSTRAINT ck_refund_dispatch_channel CHECK (CASE WHEN channel = 'WECHAT' THEN 1 WHEN channel = 'ALIPAY' THEN 1 ELSE 0 END = 1),
  CONSTRAINT ck_refund_dispatch_amount CHECK (amount > 0 AND amount <= order_total)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE UNIQUE INDEX uk_refund_dispatch_out_refund_no ON refund_dispatch (out_refund_no);
CREATE INDEX ix_refund_dispatch_state ON refund_dispatch (state, channel, id);

ALTER TABLE refund_dispatch
  ADD CONSTRAINT fk_refund_dispatch_refund FOREIGN KEY (out_refund_no) REFERENCES payment_refund (out_refund_no);
