package io.gridbot.service.autodebit;

/**
 * Where an auto-debit agreement stands: {@code PENDING → SIGNED → UNSIGNED}, or PENDING → UNSIGNED.
 */
public enum AgreementState {
  /** The customer was sent to the platform's signing page; the platform has not confirmed yet. */
  PENDING,
  /** The platform confirmed the signing; bills are debited. */
  SIGNED,
  /** Cancelled by the customer or the platform; kept as history. */
  UNSIGNED
}
