package io.gridbot.service.payment;

/**
 * Where a refund of a WeChat Pay or Alipay order is on its way back to the payer.
 *
 * <pre>
 * PENDING → SENT        the platform accepted it
 * SENT → SUCCEEDED      the money reached the payer (the payer is told)
 * SENT → ABNORMAL       the platform ended it without paying (staff act)
 * SENT → PENDING        the platform has no record of carrying it out: sent again
 * PENDING → FAILED      refused for good (REFUSED), or transient errors past the cap (ATTEMPTS)
 * FAILED (ATTEMPTS) → PENDING   staff send it again
 * </pre>
 *
 * The platform's word wins when it arrives out of order: a PENDING, ABNORMAL or FAILED refund the
 * platform reports paid becomes SUCCEEDED, a PENDING one it reports abnormal ABNORMAL.
 */
public enum RefundDispatchState {
  /** To be sent to the platform (again) once due. */
  PENDING,
  /** Accepted by the platform, not known to be finished. */
  SENT,
  /** The platform paid it back to the payer: final. */
  SUCCEEDED,
  /** The platform ended it without paying it back: staff return the money another way. */
  ABNORMAL,
  /** Not sent and given up: staff return the money another way, or send it again. */
  FAILED;

  /** True when nothing more happens to it without staff. */
  public boolean isFinal() {
    return this == SUCCEEDED || this == ABNORMAL || this == FAILED;
  }
}
