-- Supply areas as the dialog can find them: a fault reported with only a shared location or an
-- address (no customer number) is filed against the area whose centre is nearest within its radius,
-- or whose community names appear in the address. Staff maintain the rows; empty means such
-- reports go to 95598.
CREATE TABLE service_area (
  code          VARCHAR(32)   NOT NULL,
  name          VARCHAR(64)   NOT NULL,
  center_lat    DECIMAL(9, 6) NOT NULL,
  center_lng    DECIMAL(9, 6) NOT NULL,
  radius_m      INT           NOT NULL,
  -- community and road names of the area, separated by '|', e.g. 幸福小区|幸福路
  keywords      VARCHAR(500)  NOT NULL,
  PRIMARY KEY (code)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
