-- Payment orders: one per attempt to pay an account through a channel (WeChat Pay, Alipay, the web
-- cashier, a counter). out_trade_no is our id that the platforms echo back; channel_txn_id is theirs.
-- State machine (see PaymentState): CREATED -> PAID | CLOSED, CLOSED -> PAID (money that arrived
-- late is still credited), PAID -> REFUNDED. A partly refunded order stays PAID with refunded_amount.
-- CHECKs of allowed values use CASE: see V1. Times are UTC.

CREATE TABLE payment_order (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  out_trade_no    VARCHAR(32)   NOT NULL,
  account_no      VARCHAR(13)   NOT NULL,
  amount          DECIMAL(12,2) NOT NULL,
  channel         VARCHAR(8)    NOT NULL,
  payer_channel   VARCHAR(16)   NULL,
  payer_user_id   VARCHAR(128)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
  state           VARCHAR(8)    NOT NULL,
  channel_txn_id  VARCHAR(64)   NULL,
  refunded_amount DECIMAL(12,2) NOT NULL DEFAULT 0,
  created_at      DATETIME(3)   NOT NULL,
  paid_at         DATETIME(3)   NULL,
  closed_at       DATETIME(3)   NULL,
  refunded_at     DATETIME(3)   NULL,
  CONSTRAINT ck_payment_order_channel CHECK (CASE WHEN channel = 'WECHAT' THEN 1 WHEN channel = 'ALIPAY' THEN 1 WHEN channel = 'WEB' THEN 1 WHEN channel = 'COUNTER' THEN 1 ELSE 0 END = 1),
  CONSTRAINT ck_payment_order_state CHECK (CASE WHEN state = 'CREATED' AND paid_at IS NULL AND closed_at IS NULL THEN 1 WHEN state = 'CLOSED' AND paid_at IS NULL AND closed_at IS NOT NULL THEN 1 WHEN state = 'PAID' AND paid_at IS NOT NULL AND channel_txn_id IS NOT NULL THEN 1 WHEN state = 'REFUNDED' AND paid_at IS NOT NULL AND refunded_at IS NOT NULL THEN 1 ELSE 0 END = 1),
  CONSTRAINT ck_payment_order_amount CHECK (amount >= 0.01 AND amount <= 50000.00),
  CONSTRAINT ck_payment_order_refunded CHECK (refunded_amount >= 0 AND refunded_amount <= amount),
  CONSTRAINT ck_payment_order_payer CHECK ((payer_channel IS NULL AND payer_user_id IS NULL) OR (payer_channel IS NOT NULL AND payer_user_id IS NOT NULL))
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE UNIQUE INDEX uk_payment_order_out_trade_no ON payment_order (out_trade_no);
-- one platform transaction credits at most one order (NULLs never collide)
CREATE UNIQUE INDEX uk_payment_order_channel_txn ON payment_order (channel, channel_txn_id);
CREATE INDEX ix_payment_order_state_created ON payment_order (state, created_at);
CREATE INDEX ix_payment_order_paid_at ON payment_order (paid_at);
CREATE INDEX ix_payment_order_account ON payment_order (account_no, created_at);

ALTER TABLE payment_order
  ADD CONSTRAINT fk_payment_order_account FOREIGN KEY (account_no) REFERENCES account (account_no);
