-- Appointments (预约): what can be booked, who serves it, when, and the bookings.
-- Portable SQL as in V1: MySQL 8 / MariaDB 10.11 and H2 2.x in MySQL mode; CHECKs of allowed
-- values use CASE (see V1). DATETIME(3) columns hold UTC. Slot dates and times are local wall
-- times of the service point (Asia/Shanghai), as customers read them.
--
-- service_type.location and service_point.serves are ON_SITE (a field team comes to the customer)
-- or HALL (the customer comes to a business hall); a point serves only types of its location.
-- appointment_slot.booked counts the BOOKED and CONFIRMED bookings holding the slot (and those
-- that were done or missed there); the CHECK keeps it within capacity whatever the code does.

CREATE TABLE service_type (
  code             VARCHAR(32) NOT NULL PRIMARY KEY,
  name             VARCHAR(64) NOT NULL,
  duration_minutes INT         NOT NULL,
  location         VARCHAR(8)  NOT NULL,
  active           BOOLEAN     NOT NULL DEFAULT TRUE,
  CONSTRAINT ck_service_type_location CHECK (CASE WHEN location = 'ON_SITE' THEN 1 WHEN location = 'HALL' THEN 1 ELSE 0 END = 1),
  CONSTRAINT ck_service_type_duration CHECK (duration_minutes > 0 AND duration_minutes <= 1440)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE service_point (
  id               BIGINT AUTO_INCREMENT PRIMARY KEY,
  code             VARCHAR(32)  NOT NULL,
  name             VARCHAR(64)  NOT NULL,
  serves           VARCHAR(8)   NOT NULL,
  area_code_prefix VARCHAR(32)  NOT NULL,
  address          VARCHAR(255) NOT NULL,
  phone            VARCHAR(20)  NULL,
  active           BOOLEAN      NOT NULL DEFAULT TRUE,
  created_at       DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  CONSTRAINT ck_service_point_serves CHECK (CASE WHEN serves = 'ON_SITE' THEN 1 WHEN serves = 'HALL' THEN 1 ELSE 0 END = 1)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE UNIQUE INDEX uk_service_point_code ON service_point (code);

CREATE TABLE appointment_slot (
  id               BIGINT AUTO_INCREMENT PRIMARY KEY,
  service_point_id BIGINT      NOT NULL,
  slot_date        DATE        NOT NULL,
  start_time       TIME        NOT NULL,
  end_time         TIME        NOT NULL,
  capacity         INT         NOT NULL,
  booked           INT         NOT NULL DEFAULT 0,
  created_at       DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  CONSTRAINT ck_appointment_slot_times CHECK (end_time > start_time),
  CONSTRAINT ck_appointment_slot_booked CHECK (booked >= 0 AND booked <= capacity),
  CONSTRAINT ck_appointment_slot_capacity CHECK (capacity > 0)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- also serves the foreign key on service_point_id (leftmost column)
CREATE UNIQUE INDEX uk_appointment_slot_point_start
  ON appointment_slot (service_point_id, slot_date, start_time);
CREATE INDEX ix_appointment_slot_date ON appointment_slot (slot_date, start_time);

ALTER TABLE appointment_slot
  ADD CONSTRAINT fk_appointment_slot_point FOREIGN KEY (service_point_id) REFERENCES service_point (id);

-- moves counts reschedules and reassignments; it keeps notice keys unique when a state repeats.
-- reminded_at is set once by the day-before reminder and cleared when the booking moves.
CREATE TABLE booking (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  booking_no      VARCHAR(20)  NOT NULL,
  channel         VARCHAR(16)  NOT NULL,
  channel_user_id VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  account_no      VARCHAR(13)  NULL,
  service_type    VARCHAR(32)  NOT NULL,
  slot_id         BIGINT       NOT NULL,
  address         VARCHAR(255) NULL,
  contact_phone   VARCHAR(20)  NOT NULL,
  note            VARCHAR(500) NULL,
  state           VARCHAR(10)  NOT NULL,
  moves           INT          NOT NULL DEFAULT 0,
  reminded_at     DATETIME(3)  NULL,
  created_at      DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at      DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  CONSTRAINT ck_booking_state CHECK (CASE WHEN state = 'BOOKED' THEN 1 WHEN state = 'CONFIRMED' THEN 1 WHEN state = 'DONE' THEN 1 WHEN state = 'CANCELLED' THEN 1 WHEN state = 'NO_SHOW' THEN 1 ELSE 0 END = 1)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE UNIQUE INDEX uk_booking_no ON booking (booking_no);
CREATE INDEX ix_booking_user ON booking (channel, channel_user_id, created_at);
CREATE INDEX ix_booking_slot ON booking (slot_id);
CREATE INDEX ix_booking_account ON booking (account_no);
CREATE INDEX ix_booking_service_type ON booking (service_type);

ALTER TABLE booking
  ADD CONSTRAINT fk_booking_slot FOREIGN KEY (slot_id) REFERENCES appointment_slot (id);
ALTER TABLE booking
  ADD CONSTRAINT fk_booking_service_type FOREIGN KEY (service_type) REFERENCES service_type (code);
ALTER TABLE booking
  ADD CONSTRAINT fk_booking_account FOREIGN KEY (account_no) REFERENCES account (account_no);
