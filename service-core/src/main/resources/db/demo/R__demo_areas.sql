-- DEMO DATA (embedded default and tests only): the supply areas of the demo accounts, so that a
-- fault reported by location or address alone finds its area. Upserts; nothing is deleted.
INSERT INTO service_area (code, name, center_lat, center_lng, radius_m, keywords) VALUES
  ('CN-330106-017', '幸福小区片区', 30.274000, 120.155000, 800, '幸福小区|幸福路'),
  ('CN-330106-009', '翠苑片区', 30.290000, 120.125000, 1000, '翠苑|文二西路')
ON DUPLICATE KEY UPDATE
  name = VALUES(name), center_lat = VALUES(center_lat), center_lng = VALUES(center_lng),
  radius_m = VALUES(radius_m), keywords = VALUES(keywords);
