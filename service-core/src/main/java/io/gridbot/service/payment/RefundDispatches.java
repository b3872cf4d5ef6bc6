package io.gridbot.service.payment;

import java.util.List;
import java.util.Optional;

/**
 * What staff see of refunds on their way back through WeChat Pay and Alipay ({@code
 * refund_dispatch}), and the one thing they may do: send a refund again that failed after too many
 * transient errors.
 */
public interface RefundDispatches {

  /**
   * Refunds, newest first.
   *
   * @param state only this state, or null for all
   * @param channel only this channel ({@code WECHAT} or {@code ALIPAY}), or null for both
   * @param before only refunds older than this one (the last of the previous page), or null
   * @param limit 1 to 500
   * @throws IllegalArgumentException for a limit out of range or a channel without a platform
   * @throws RefundDispatchNotFound when {@code before} is no such refund
   */
  List<RefundDispatch> list(
      RefundDispatchState state, PaymentChannel channel, String before, int limit);

  /** The refund, or empty when no refund through a platform has that number. */
  Optional<RefundDispatch> find(String outRefundNo);

  /**
   * Sends a refund that FAILED after too many transient errors again: it is PENDING and due now,
   * with its attempts counted from zero (the last error is kept until the next one). Its money, put
   * back on the account when it failed, is taken off again (one more {@code REFUND} ledger entry)
   * and counts as refunded on the order again.
   *
   * @param staff who asks, for the log
   * @throws RefundDispatchNotFound when there is no such refund
   * @throws RefundRetryRefused for a refund in any other state, or one the platform refused, or one
   *     whose order was refunded again since it failed and has less than the refund's amount left
   *     to refund
   */
  RefundDispatch retry(String outRefundNo, String staff);
}
