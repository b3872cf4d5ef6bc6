package io.gridbot.service.payment;

/**
 * Where a refund of a WeChat Pay or Alipay order is on its way back to the payer.
 *
 * <pre>
 * PENDING → SENT      the platform accepted it
 * PENDING → FAILED    refused for good (REFUSED), or transient errors past the cap (ATTEMPTS)
 * FAILED (ATTEMPTS) → PENDING   staff send it again
 * </pre>
 */
public enum RefundDispatchState {
  /** To be sent to the platform (again) once due. */
  PENDING,
  /** Accepted by the platform. */
  SENT,
  /** Not sent and given up: staff return the money another way, or send it again. */
  FAILED
}
