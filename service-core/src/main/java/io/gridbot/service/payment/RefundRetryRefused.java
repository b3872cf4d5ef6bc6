package io.gridbot.service.payment;

import io.gridbot.service.ServiceException;
import java.math.BigDecimal;

/**
 * Staff asked to send a refund again that is not FAILED after too many transient errors: a pending,
 * sent, succeeded or abnormal one, or one the platform refused for good; or one whose order was
 * refunded again since it failed and no longer has its amount left to refund.
 */
public class RefundRetryRefused extends ServiceException {

  private final String outRefundNo;
  private final RefundDispatchState state;
  private final RefundFailure failure;

  public RefundRetryRefused(String outRefundNo, RefundDispatchState state, RefundFailure failure) {
    this(
        outRefundNo,
        state,
        failure,
        "refund "
            + outRefundNo
            + " is "
            + state
            + (failure == null ? "" : " (" + failure + ")")
            + ": only a refund FAILED after too many attempts (ATTEMPTS) is sent again");
  }

  private RefundRetryRefused(
      String outRefundNo, RefundDispatchState state, RefundFailure failure, String message) {
    super(message);
    this.outRefundNo = outRefundNo;
    this.state = state;
    this.failure = failure;
  }

  /**
   * The refund failed after too many attempts and its money went back, but its order has been
   * refunded again since and has less than the refund's amount left to refund: sending it again
   * would refund more than was paid.
   */
  static RefundRetryRefused orderRefundedSince(
      RefundDispatch refund, OutTradeNo order, BigDecimal refundable) {
    return new RefundRetryRefused(
        refund.outRefundNo(),
        refund.state(),
        refund.failure(),
        "refund "
            + refund.outRefundNo()
            + " of "
            + refund.amount().toPlainString()
            + " yuan is not sent again: order "
            + order
            + " was refunded again since it failed and has "
            + refundable.toPlainString()
            + " yuan left to refund");
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
