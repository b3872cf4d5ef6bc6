package io.gridbot.service.payment;

import io.gridbot.service.ServiceException;

/**
 * Staff asked to send a refund again that is not FAILED after too many transient errors: a pending,
 * sent, succeeded or abnormal one, or one the platform refused for good.
 */
public class RefundRetryRefused extends ServiceException {

  private final String outRefundNo;
  private final RefundDispatchState state;
  private final RefundFailure failure;

  public RefundRetryRefused(String outRefundNo, RefundDispatchState state, RefundFailure failure) {
    super(
        "refund "
            + outRefundNo
            + " is "
            + state
            + (failure == null ? "" : " (" + failure + ")")
            + ": only a refund FAILED after too many attempts (ATTEMPTS) is sent again");
    this.outRefundNo = outRefundNo;
    this.state = state;
    this.failure = failure;
  }

  public String outRefundNo() {
    return outRefundNo;
  }

  public RefundDispatchState state() {
    return state;
  }

  public RefundFailure failure() {
    return failure;
  }

  @Override
  public String code() {
    return "refund.transition-refused";
  }
}
