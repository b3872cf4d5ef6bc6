-- What points buy, and what customers bought. CHECKs of allowed values use CASE: see V1.
--
-- points_item.stock is NULL for unlimited items; a redemption takes its quantity off the stock
-- with a conditional UPDATE (stock >= quantity), so stock never goes below zero.
-- A COUPON item is a credit on the next electricity bill worth coupon_amount yuan per unit.
-- points_redemption.request_id is the caller's idempotency key; coupon_code is set for coupons;
-- item_name is the name the customer saw when redeeming.
-- Redemption states: ISSUED -> USED | CANCELLED (see RedemptionStatus).

CREATE TABLE points_item (
  code          VARCHAR(32)   NOT NULL PRIMARY KEY,
  name          VARCHAR(64)   NOT NULL,
  kind          VARCHAR(8)    NOT NULL,
  coupon_amount DECIMAL(12,2) NULL,
  cost          INT           NOT NULL,
  stock         INT           NULL,
  active        BOOLEAN       NOT NULL DEFAULT TRUE,
  sort_order    INT           NOT NULL DEFAULT 0,
  created_at    DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  CONSTRAINT ck_points_item_kind CHECK (CASE
    WHEN kind = 'COUPON' AND coupon_amount > 0 THEN 1
    WHEN kind = 'GIFT' AND coupon_amount IS NULL THEN 1
    ELSE 0 END = 1),
  CONSTRAINT ck_points_item_cost CHECK (cost > 0),
  CONSTRAINT ck_points_item_stock CHECK (stock IS NULL OR stock >= 0)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE points_redemption (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  request_id    VARCHAR(64)   NOT NULL,
  account_no    VARCHAR(13)   NOT NULL,
  item_code     VARCHAR(32)   NOT NULL,
  item_name     VARCHAR(64)   NOT NULL,
  quantity      INT           NOT NULL,
  points        INT           NOT NULL,
  coupon_code   VARCHAR(16)   NULL,
  coupon_amount DECIMAL(12,2) NULL,
  status        VARCHAR(10)   NOT NULL,
  created_at    DATETIME(3)   NOT NULL,
  updated_at    DATETIME(3)   NOT NULL,
  CONSTRAINT ck_points_redemption_quantity CHECK (quantity > 0 AND points > 0),
  CONSTRAINT ck_points_redemption_status CHECK (CASE
    WHEN status = 'ISSUED' THEN 1 WHEN status = 'USED' THEN 1 WHEN status = 'CANCELLED' THEN 1
    ELSE 0 END = 1),
  CONSTRAINT ck_points_redemption_coupon CHECK (
    (coupon_code IS NULL AND coupon_amount IS NULL) OR (coupon_code IS NOT NULL AND coupon_amount > 0))
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE UNIQUE INDEX uk_points_redemption_request ON points_redemption (request_id);
CREATE UNIQUE INDEX uk_points_redemption_coupon ON points_redemption (coupon_code);
CREATE INDEX ix_points_redemption_account ON points_redemption (account_no, created_at);
CREATE INDEX ix_points_redemption_item ON points_redemption (item_code);

ALTER TABLE points_redemption
  ADD CONSTRAINT fk_points_redemption_account FOREIGN KEY (account_no) REFERENCES points_account (account_no);
ALTER TABLE points_redemption
  ADD CONSTRAINT fk_points_redemption_item FOREIGN KEY (item_code) REFERENCES points_item (code);

-- The opening catalogue (1 point per 10 yuan paid by default, so 100 points = 1000 yuan paid).
INSERT INTO points_item (code, name, kind, coupon_amount, cost, stock, active, sort_order) VALUES
  ('BILL_COUPON_5', '5元电费抵扣券', 'COUPON', 5.00, 100, NULL, TRUE, 10),
  ('BILL_COUPON_10', '10元电费抵扣券', 'COUPON', 10.00, 190, NULL, TRUE, 20),
  ('GIFT_LED_BULB', '节能LED灯泡', 'GIFT', NULL, 150, 500, TRUE, 30),
  ('GIFT_SAFE_SOCKET', '儿童安全插座', 'GIFT', NULL, 300, 200, TRUE, 40);
