package io.gridbot.service.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A refund of a WeChat Pay or Alipay order on its way back through the platform, as staff see it.
 *
 * @param outRefundNo our refund id, the platforms' {@code out_refund_no} / {@code out_request_no}
 * @param outTradeNo the refunded order
 * @param channel {@code WECHAT} or {@code ALIPAY}
 * @param amount the refund in yuan
 * @param orderTotal the order's whole amount in yuan
 * @param reason why, as staff wrote it
 * @param staff who refunded
 * @param attempts sends that failed transiently so far
 * @param lastError the platform's or the network's last error, null when none
 * @param failure why it failed, null unless {@link RefundDispatchState#FAILED}
 * @param platformRefundId the platform's id of the refund, null until it gave one
 * @param nextAttemptAt when a pending refund is (or was) due to be sent
 * @param sentAt when the platform accepted it, null until then
 * @param checkedAt when the platform last told about it (accepted it, or answered a query), null
 *     until sent
 * @param finishedAt when the money reached the payer (SUCCEEDED: the platform's time) or the
 *     platform ended it abnormally; null before
 * @param createdAt when staff refunded
 * @param updatedAt when the row last changed
 * @param reversals how many times its money was put back on the account because the platform did
 *     not pay it (FAILED, ABNORMAL): one {@code REFUND_REVERSED} ledger entry each
 * @param redebits how many times that money was taken off the account again (sent again by staff,
 *     or paid by the platform after all): one more {@code REFUND} ledger entry each; the money is
 *     back on the account while {@code reversals > redebits}
 */
public record RefundDispatch(
    String outRefundNo,
    String outTradeNo,
    PaymentChannel channel,
    BigDecimal amount,
    BigDecimal orderTotal,
    String reason,
    String staff,
    RefundDispatchState state,
    int attempts,
    String lastError,
    RefundFailure failure,
    String platformRefundId,
    Instant nextAttemptAt,
    Instant sentAt,
    Instant checkedAt,
    Instant finishedAt,
    Instant createdAt,
    Instant updatedAt,
    int reversals,
    int redebits) {

  public RefundDispatch {
    Objects.requireNonNull(outRefundNo, "outRefundNo");
    Objects.requireNonNull(outTradeNo, "outTradeNo");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** Whether its money is back on the account now (the platform did not pay it). */
  boolean moneyBack() {
    return reversals > redebits;
  }
}
