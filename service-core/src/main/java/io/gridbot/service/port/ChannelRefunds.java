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
 * #retryLater}: backoff, then failed past an attempt cap). An accepted refund is followed to its
 * end at the platform ({@link #awaiting}): the money reached the payer ({@link #succeeded}, who is
 * told), the refund ended abnormally ({@link #abnormal}, for staff), the platform is still at it
 * ({@link #processing}) or has no record of carrying it out ({@link #sendAgain}). A refund that
 * ends without reaching the payer (failed, abnormal) puts its money back on the account in the
 * ledger, once; one the platform pays after all takes it off again, once. Every method may be
 * called again with the same values (a notification delivered twice) without changing more. Plain
 * values only, so that channels stay apart from the business classes.
 *
 * <pre>
 * PENDING → SENT → SUCCEEDED
 *             ↘ ABNORMAL → SUCCEEDED (staff had the platform pay it after all)
 * SENT → PENDING (sendAgain)      PENDING → FAILED (refused, or the attempt cap)
 * PENDING, FAILED → SUCCEEDED / PENDING → ABNORMAL (the platform's word arrived first)
 * </pre>
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
   * The platform accepted the refund (it may still be processing there; follow it with {@link
   * #awaiting}). Recording it again changes nothing.
   *
   * @param platformRefundId the platform's id of the refund, or null when it gave none
   * @return false when there is no such pending or sent refund
   */
  boolean sent(String outRefundNo, String platformRefundId);

  /**
   * The platform refused the refund for good: its money goes back on the account (and the order may
   * be refunded again); staff are told.
   *
   * @param reason the platform's code and message, cut to 200 characters
   * @return false when there is no such pending refund
   */
  boolean failed(String outRefundNo, String reason);

  /**
   * The refund could not be sent now (network, platform busy): it counts one more attempt and stays
   * pending, not listed by {@link #pending} until its wait is over (exponential backoff). The
   * attempt that reaches the configured cap fails it instead, with this error, for staff, and puts
   * its money back on the account.
   *
   * @param error what went wrong, cut to 200 characters
   * @return false when there is no such pending refund
   */
  boolean retryLater(String outRefundNo, String error);

  /**
   * Refunds of {@code channel} accepted by the platform but not known to be finished, that the
   * platform last told about before {@code olderThan} (when accepted, or at the last {@link
   * #processing}), longest untold first.
   *
   * @param channel {@code wechat} or {@code alipay}
   * @param limit 1 to 1000
   * @throws IllegalArgumentException for another channel or a limit out of range
   */
  List<SentRefund> awaiting(String channel, Instant olderThan, int limit);

  /**
   * The platform is still processing the sent refund (or could not be asked now): it is listed by
   * {@link #awaiting} again only once {@code olderThan} has passed this moment.
   *
   * @return {@link Recorded#CHANGED} for a sent refund, {@link Recorded#REFUSED} for one in another
   *     state (a late answer), {@link Recorded#UNKNOWN} when there is no such refund
   */
  Recorded processing(String outRefundNo);

  /**
   * The money reached the payer: the refund SUCCEEDED and the payer is told, once. The platform's
   * word wins over what was recorded before: a pending, sent, abnormal or failed refund succeeds (a
   * failed or abnormal one is logged for staff, who must not return the money again, and the money
   * put back on the account when it failed is taken off again).
   *
   * @param platformRefundId the platform's id of the refund, or null to keep the one recorded
   * @param at when the platform paid it back, or null for now
   * @return {@link Recorded#CHANGED} the first time, {@link Recorded#ALREADY} after, {@link
   *     Recorded#UNKNOWN} when there is no such refund
   */
  Recorded succeeded(String outRefundNo, String platformRefundId, Instant at);

  /**
   * The platform ended the refund without paying it back (WeChat Pay's {@code ABNORMAL}: the
   * payer's card or account cannot take it; {@code CLOSED}): its money goes back on the account;
   * staff must act, in the merchant platform or another way.
   *
   * @param platformRefundId the platform's id of the refund, or null to keep the one recorded
   * @param reason the platform's status and message, cut to 200 characters
   * @return {@link Recorded#CHANGED} for a pending or sent refund, {@link Recorded#ALREADY} for one
   *     already abnormal, {@link Recorded#REFUSED} for one that succeeded or failed (nothing
   *     changes), {@link Recorded#UNKNOWN} when there is no such refund
   */
  Recorded abnormal(String outRefundNo, String platformRefundId, String reason);

  /**
   * The platform has no record of carrying the sent refund out (Alipay's query without {@code
   * REFUND_SUCCESS}, WeChat Pay's unknown refund): it is sent again, under the same number, as
   * after a transient error ({@link #retryLater}: one more attempt, a wait, the cap).
   *
   * @param reason what the platform answered, cut to 200 characters
   * @return {@link Recorded#CHANGED} for a sent refund, {@link Recorded#REFUSED} for one in another
   *     state, {@link Recorded#UNKNOWN} when there is no such refund
   */
  Recorded sendAgain(String outRefundNo, String reason);

  /** What became of a report about a refund. */
  enum Recorded {
    /** Recorded now. */
    CHANGED,
    /** The refund was already in that state: a repeat, nothing changed. */
    ALREADY,
    /** The refund's state does not allow it (e.g. abnormal after it succeeded): nothing changed. */
    REFUSED,
    /** There is no such refund. */
    UNKNOWN
  }

  /**
   * A refund accepted by the platform, to ask it about.
   *
   * @param outRefundNo our refund id
   * @param outTradeNo the refunded order
   * @param platformRefundId the platform's id of the refund, or null when it gave none
   * @param amount the refund in yuan
   * @param sentAt when the platform accepted it
   */
  record SentRefund(
      String outRefundNo,
      String outTradeNo,
      String platformRefundId,
      BigDecimal amount,
      Instant sentAt) {

    public SentRefund {
      Objects.requireNonNull(outRefundNo, "outRefundNo");
      Objects.requireNonNull(outTradeNo, "outTradeNo");
      Objects.requireNonNull(amount, "amount");
      Objects.requireNonNull(sentAt, "sentAt");
    }
  }

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
