package io.gridbot.service.payment;

import io.gridbot.service.port.ChannelRefunds.PendingRefund;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The outbox of refunds to send to the payment platforms ({@code refund_dispatch}). */
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

  /** The refund, locking its row until commit. */
  Optional<RefundDispatch> lock(@Param("no") String outRefundNo);

  /** PENDING (or SENT again) → SENT; returns the rows changed. */
  int markSent(
      @Param("no") String outRefundNo,
      @Param("platformRefundId") String platformRefundId,
      @Param("at") Instant at);

  /** PENDING → FAILED (REFUSED); returns the rows changed. */
  int markFailed(
      @Param("no") String outRefundNo, @Param("reason") String reason, @Param("at") Instant at);

  /**
   * Stays PENDING, one more attempt, due again at {@code nextAttemptAt}; returns the rows changed.
   */
  int markRetry(
      @Param("no") String outRefundNo,
      @Param("error") String error,
      @Param("at") Instant at,
      @Param("nextAttemptAt") Instant nextAttemptAt);

  /** PENDING → FAILED (ATTEMPTS), one more attempt; returns the rows changed. */
  int markGaveUp(
      @Param("no") String outRefundNo, @Param("error") String error, @Param("at") Instant at);
}
