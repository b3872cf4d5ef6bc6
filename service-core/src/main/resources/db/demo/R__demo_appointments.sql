-- DEMO DATA for the embedded default profile ONLY (H2); see R__demo_data.sql.
-- Service points near the demo accounts (area CN-330106-...). Idempotent without deleting:
-- slots and bookings may refer to these points, so a row is inserted only when its code is
-- missing. Slots are not seeded (they would go stale); staff open them through SlotService.

INSERT INTO service_point (code, name, serves, area_code_prefix, address, phone)
SELECT 'DEMO-HALL-01', '城东营业厅', 'HALL', 'CN-330106', '文三路100号', '95598'
FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM service_point WHERE code = 'DEMO-HALL-01');

INSERT INTO service_point (code, name, serves, area_code_prefix, address, phone)
SELECT 'DEMO-TEAM-01', '城东装表接电班', 'ON_SITE', 'CN-330106', '文三路100号', '95598'
FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM service_point WHERE code = 'DEMO-TEAM-01');

INSERT INTO service_point (code, name, serves, area_code_prefix, address, phone)
SELECT 'DEMO-TEAM-02', '翠苑供电服务站', 'ON_SITE', 'CN-330106-009', '翠苑路8号', '95598'
FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM service_point WHERE code = 'DEMO-TEAM-02');
