package io.gridbot.service.port;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The refunds a payment channel (WeChat Pay, Alipay) must send back through its platform: an outbox
 * filled when staff refund an order paid on that channel, in the same transaction as the refund's
 * record in the ledger. Each refund is sent until the platform accepts it ({@link #sent}) or
 * refuses it for good ({@link #failed}); a transient error leaves it pending for a while ({@link
 * #retryLater}: backoff, then failed past an attempt cap). Plain values only, so that channels stay
 * apart from the business classes.
 */
public interface ChannelRefunds {

  /**
   * Refunds of {@code channel} not yet sent and due now (never tried, or their wait after a
   * transient error is over), longest due first.
   *
   * @param channel {@code wechat} or {@code alipay}
   * @param limit 1 to 1000
   * @throws IllegalArgumentException for another channel or a limit out of range
   */
  List<PendingRefund> pending(String channel, int limit);

  /**
   * The platform accepted the refund (it may still be processing there). Recording it again changes
   * nothing.
   *
   * @param platformRefundId the platform's id of the refund, or null when it gave none
   * @return false when there is no such pending or sent refund
   */
  boolean sent(String outRefundNo, String platformRefundId);

  /**
   * The platform refused the refund for good; staff must return the money another way.
   *
   * @param reason the platform's code and message, cut to 200 characters
   * @return false when there is no such pending refund
   */
  boolean failed(String outRefundNo, String reason);

  /**
   * The refund could not be sent now (network, platform busy): it counts one more attempt and stays
   * pending, not listed by {@link #pending} until its wait is over (exponential backoff). The
   * attempt that reaches the configured cap fails it instead, with this error, for staff.
   *
   * @param error what went wrong, cut to 200 characters
   * @return false when there is no such pending refund
   */
  boolean retryLater(String outRefundNo, String error);

  /**
   * A refund to send.
   *
   * @param outRefundNo our refund id, the platforms' {@code out_refund_no} / {@code out_request_no}
   * @param outTradeNo the refunded order
   * @param amount the refund in yuan
   * @param orderTotal the order's whole amount in yuan (WeChat Pay wants it with every refund)
   * @param reason why, as staff wrote it
   * @param attempts how many sends failed transiently so far
   */
  record PendingRefund(
      String outRefundNo,
      String outTradeNo,
      BigDecimal amount,
      BigDecimal orderTotal,
      String reason,
      int attempts,
      Instant createdAt) {

    public PendingRefund {
      Objects.requireNonNull(outRefundNo, "outRefundNo");
      Objects.requireNonNull(outTradeNo, "outTradeNo");
      Objects.requireNonNull(amount, "amount");
      Objects.requireNonNull(orderTotal, "orderTotal");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The refund in fen, as WeChat Pay counts it. */
    public long amountFen() {
      return amount.movePointRight(2).longValueExact();
    }

    /** The order total in fen. */
    public long orderTotalFen() {
      return orderTotal.movePointRight(2).longValueExact();
    }
  }
}
