-- DEMO DATA for the embedded default profile ONLY (H2). Never add classpath:db/demo to the
-- Flyway locations of a real database: this script resets the rows below.
--
-- A repeatable migration: Flyway runs it again whenever its checksum changes, so every row is an
-- upsert that resets the demo values. Nothing is deleted: bindings, tickets, bookings, payments and
-- points that refer to the demo accounts survive a re-run.
-- Demo customers use ids 9001..9003, far from the ids a fresh database hands out.
-- Bill amounts use an illustrative time-of-use tariff: peak 0.568, flat 0.538, valley 0.288 yuan/kWh.
--
--   3300000001  张伟    PREPAID   balance 12.50, nothing owed        phone 13800000001
--   3300000002  李娜    POSTPAID  arrears 86.40 (2026-09 + 2026-10)   phone 13800000002
--   3300000003  王建国  POSTPAID  nothing owed, 12 paid bills         phone 13800000003


INSERT INTO customer (id, name) VALUES
  (9001, '张伟'),
  (9002, '李娜'),
  (9003, '王建国')
ON DUPLICATE KEY UPDATE name = VALUES(name);

INSERT INTO account
  (account_no, customer_id, billing_mode, balance, arrears, address, area_code, registered_phone, status)
VALUES
  ('3300000001', 9001, 'PREPAID', 12.50, 0.00, '幸福小区3栋2单元501', 'CN-330106-017', '13800000001', 'ACTIVE'),
  ('3300000002', 9002, 'POSTPAID', 0.00, 86.40, '幸福小区5栋1单元302', 'CN-330106-017', '13800000002', 'ACTIVE'),
  ('3300000003', 9003, 'POSTPAID', 0.00, 0.00, '翠苑一区12幢3单元201', 'CN-330106-009', '13800000003', 'ACTIVE')
ON DUPLICATE KEY UPDATE
  customer_id = VALUES(customer_id), billing_mode = VALUES(billing_mode), balance = VALUES(balance),
  arrears = VALUES(arrears), address = VALUES(address), area_code = VALUES(area_code),
  registered_phone = VALUES(registered_phone), status = VALUES(status);

INSERT INTO bill
  (account_no, period, kwh_peak, kwh_valley, kwh_flat, amount, due_date, paid, paid_at)
VALUES
  ('3300000001', '2026-08', 72.00, 55.00, 27.00, 71.26, DATE '2026-09-25', TRUE, '2026-09-01 00:00:00.000'),
  ('3300000001', '2026-09', 58.00, 46.00, 21.00, 57.49, DATE '2026-10-25', TRUE, '2026-10-01 00:00:00.000'),
  ('3300000001', '2026-10', 49.00, 40.00, 18.00, 49.04, DATE '2026-11-25', TRUE, '2026-11-01 00:00:00.000'),
  ('3300000002', '2026-07', 61.00, 44.00, 22.00, 59.16, DATE '2026-08-25', TRUE, '2026-08-12 08:05:00.000'),
  ('3300000002', '2026-08', 66.00, 47.00, 24.00, 63.94, DATE '2026-09-25', TRUE, '2026-09-12 08:05:00.000'),
  ('3300000002', '2026-09', 38.00, 27.00, 21.69, 41.03, DATE '2026-10-25', FALSE, NULL),
  ('3300000002', '2026-10', 41.00, 30.00, 24.98, 45.37, DATE '2026-11-25', FALSE, NULL),
  ('3300000003', '2025-11', 118.40, 96.20, 41.60, 117.34, DATE '2025-12-25', TRUE, '2025-12-09 01:30:00.000'),
  ('3300000003', '2025-12', 165.40, 142.20, 58.60, 166.43, DATE '2026-01-25', TRUE, '2026-01-09 01:30:00.000'),
  ('3300000003', '2026-01', 188.40, 160.20, 66.60, 188.98, DATE '2026-02-25', TRUE, '2026-02-09 01:30:00.000'),
  ('3300000003', '2026-02', 152.40, 131.20, 52.60, 152.65, DATE '2026-03-25', TRUE, '2026-03-09 01:30:00.000'),
  ('3300000003', '2026-03', 109.40, 92.20, 38.60, 109.46, DATE '2026-04-25', TRUE, '2026-04-09 01:30:00.000'),
  ('3300000003', '2026-04', 96.40, 81.20, 33.60, 96.22, DATE '2026-05-25', TRUE, '2026-05-09 01:30:00.000'),
  ('3300000003', '2026-05', 101.40, 85.20, 35.60, 101.29, DATE '2026-06-25', TRUE, '2026-06-09 01:30:00.000'),
  ('3300000003', '2026-06', 134.40, 104.20, 47.60, 131.96, DATE '2026-07-25', TRUE, '2026-07-09 01:30:00.000'),
  ('3300000003', '2026-07', 212.40, 158.20, 79.60, 209.03, DATE '2026-08-25', TRUE, '2026-08-09 01:30:00.000'),
  ('3300000003', '2026-08', 231.40, 171.20, 86.60, 227.33, DATE '2026-09-25', TRUE, '2026-09-09 01:30:00.000'),
  ('3300000003', '2026-09', 147.40, 113.20, 51.60, 144.09, DATE '2026-10-25', TRUE, '2026-10-09 01:30:00.000'),
  ('3300000003', '2026-10', 112.40, 90.20, 39.60, 111.13, DATE '2026-11-25', TRUE, '2026-11-09 01:30:00.000')
ON DUPLICATE KEY UPDATE
  kwh_peak = VALUES(kwh_peak), kwh_valley = VALUES(kwh_valley), kwh_flat = VALUES(kwh_flat),
  amount = VALUES(amount), due_date = VALUES(due_date), paid = VALUES(paid), paid_at = VALUES(paid_at);

-- paid demo bills are fully settled, unpaid ones not at all (the payments ledger reads this)
UPDATE bill SET settled_amount = CASE WHEN paid = TRUE THEN amount ELSE 0 END
WHERE account_no IN ('3300000001', '3300000002', '3300000003');

-- the ledger's opening entry of each demo account, once: the balance is derivable from the ledger
INSERT INTO ledger_entry
  (account_no, entry_type, amount, balance_delta, arrears_delta, balance_after, arrears_after,
   reference, dedup_key, occurred_at)
SELECT a.account_no, 'ADJUSTMENT', a.balance - a.arrears, a.balance, a.arrears, a.balance, a.arrears,
       'opening', CONCAT('opening:', a.account_no), CURRENT_TIMESTAMP(3)
FROM account a
WHERE a.account_no IN ('3300000001', '3300000002', '3300000003')
  AND (a.balance <> 0 OR a.arrears <> 0)
  AND NOT EXISTS (SELECT 1 FROM ledger_entry l WHERE l.account_no = a.account_no);
