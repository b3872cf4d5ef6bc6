-- The service types customers can book. Production catalogue, not demo data.

INSERT INTO service_type (code, name, duration_minutes, location) VALUES
  ('METER_INSTALL', '装表', 60, 'ON_SITE'),
  ('METER_CHECK', '验表', 60, 'ON_SITE'),
  ('ON_SITE_CHECK', '上门检查', 90, 'ON_SITE'),
  ('EV_CHARGER_SURVEY', '充电桩勘察', 120, 'ON_SITE'),
  ('METER_RELOCATE', '表计移位', 120, 'ON_SITE'),
  ('SAFETY_INSPECTION', '安全用电检查', 60, 'ON_SITE'),
  ('HALL_VISIT', '营业厅办理', 30, 'HALL'),
  ('INVOICE_SERVICE', '电费发票办理', 20, 'HALL');
