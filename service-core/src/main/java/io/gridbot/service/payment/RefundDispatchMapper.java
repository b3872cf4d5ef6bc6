package io.gridbot.service.payment;

import io.gridbot.service.port.ChannelRefunds.PendingRefund;
import io.gridbot.service.port.ChannelRefunds.SentRefund;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * The outbox of refunds to send to the payment platforms ({@code refund_dispatch}). Every update
 * names the state it moves from and returns the rows changed; the service locks the row first.
 */
@Mapper
interface RefundDispatchMapper {

  void insert(
      @Param("refund") Refund refund,
      @Param("channel") PaymentChannel channel,
      @Param("orderTotal") BigDecimal orderTotal);

  /** {@code PENDING} refunds of {@code channel} due at {@code now}, longest due first. */
  List<PendingRefund> findDue(
      @Param("channel") PaymentChannel channel,
      @Param("now") Instant now,
      @Param("limit") int limit);

  /** {@code SENT} refunds of {@code channel} last checked before {@code olderThan}. */
  List<SentRefund> findAwaiting(
      @Param("channel") PaymentChannel channel,
      @Param("olderThan") Instant olderThan,
      @Param("limit") int limit);

  /** The refund, as staff see it. */
  Optional<RefundDispatch> find(@Param("no") String outRefundNo);

  /**
   * Refunds newest first, of {@code state} and {@code channel} when not null, older than refund
   * {@code before} when not null.
   */
  List<RefundDispatch> findPage(
      @Param("state") RefundDispatchState state,
      @Param("channel") PaymentChannel channel,
      @Param("before") String before,
      @Param("limit") int limit);

  /** FAILED (ATTEMPTS) → PENDING, due at {@code at}, attempts from zero. */
  int markRetriedByStaff(@Param("no") String outRefundNo, @Param("at") Instant at);

  /** The refund, locking its row until commit. */
  Optional<RefundDispatch> lock(@Param("no") String outRefundNo);

  /** PENDING (or SENT again) → SENT, checked now. */
  int markSent(
      @Param("no") String outRefundNo,
      @Param("platformRefundId") String platformRefundId,
      @Param("at") Instant at);

  /** PENDING → FAILED (REFUSED). */
  int markFailed(
      @Param("no") String outRefundNo, @Param("reason") String reason, @Param("at") Instant at);

  /** {@code from} → PENDING, one more attempt, due again at {@code nextAttemptAt}. */
  int markRetry(
      @Param("no") String outRefundNo,
      @Param("from") RefundDispatchState from,
      @Param("error") String error,
      @Param("at") Instant at,
      @Param("nextAttemptAt") Instant nextAttemptAt);

  /** {@code from} → FAILED (ATTEMPTS), one more attempt. */
  int markGaveUp(
      @Param("no") String outRefundNo,
      @Param("from") RefundDispatchState from,
      @Param("error") String error,
      @Param("at") Instant at);

  /** SENT stays SENT, checked at {@code at}. */
  int markChecked(@Param("no") String outRefundNo, @Param("at") Instant at);

  /** {@code from} → SUCCEEDED, finished at {@code finishedAt}. */
  int markSucceeded(
      @Param("no") String outRefundNo,
      @Param("from") RefundDispatchState from,
      @Param("platformRefundId") String platformRefundId,
      @Param("finishedAt") Instant finishedAt,
      @Param("at") Instant at);

  /** {@code from} → ABNORMAL with {@code reason}, finished at {@code at}. */
  int markAbnormal(
      @Param("no") String outRefundNo,
      @Param("from") RefundDispatchState from,
      @Param("platformRefundId") String platformRefundId,
      @Param("reason") String reason,
      @Param("at") Instant at);

  /** Counts one more reversal of a refund whose money is off the account; returns rows changed. */
  int countReversal(@Param("no") String outRefundNo);

  /** Counts one more re-debit of a refund whose money is back; returns rows changed. */
  int countRedebit(@Param("no") String outRefundNo);
}
