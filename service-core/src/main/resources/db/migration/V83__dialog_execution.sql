-- Task submissions of the dialog that ran, by idempotency key, with their outcome (JSON of the
-- turn's events), written in the same transaction as the task's own writes.

CREATE TABLE dialog_execution (
  idem_key   VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  outcome    MEDIUMTEXT   NOT NULL,
  created_at DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (idem_key)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
