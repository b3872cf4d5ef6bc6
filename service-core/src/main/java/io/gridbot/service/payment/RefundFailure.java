package io.gridbot.service.payment;

/** Why a refund is {@link RefundDispatchState#FAILED}. */
public enum RefundFailure {
  /** The platform refused it for good (balance too low, trade finished, …). */
  REFUSED,
  /** Transient errors (no answer, platform busy) lasted past the attempt cap. */
  ATTEMPTS
}
