-- Staff accounts of the staff API in production (the embedded default takes them from configuration).
-- Passwords are stored hashed, with their encoder id, e.g. '{bcrypt}$2a$10$...'.
CREATE TABLE staff_user (
  username   VARCHAR(64)  NOT NULL,
  password   VARCHAR(200) NOT NULL,
  enabled    BOOLEAN      NOT NULL DEFAULT TRUE,
  created_at DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (username)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE staff_authority (
  username  VARCHAR(64) NOT NULL,
  authority VARCHAR(64) NOT NULL,
  PRIMARY KEY (username, authority),
  CONSTRAINT fk_staff_authority_user FOREIGN KEY (username) REFERENCES staff_user (username)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
