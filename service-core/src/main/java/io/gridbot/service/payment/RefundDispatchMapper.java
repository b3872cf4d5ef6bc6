package io.gridbot.service.payment;

import io.gridbot.service.port.ChannelRefunds.PendingRefund;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The outbox of refunds to send to the payment platforms ({@code refund_dispatch}). */
@Mapper
interface RefundDispatchMapper {

  void insert(
      @Param("refund") Refund refund,
      @Param("channel") PaymentChannel channel,
      @Param("orderTotal") BigDecimal orderTotal);

  /** {@code PENDING} refunds of {@code channel}, oldest first. */
  List<PendingRefund> findPending(
      @Param("channel") PaymentChannel channel, @Param("limit") int limit);

  /** PENDING (or SENT again) → SENT; returns the rows changed. */
  int markSent(
      @Param("no") String outRefundNo,
      @Param("platformRefundId") String platformRefundId,
      @Param("at") Instant at);

  /** PENDING → FAILED; returns the rows changed. */
  int markFailed(
      @Param("no") String outRefundNo, @Param("reason") String reason, @Param("at") Instant at);

  /** Stays PENDING, one more attempt; returns the rows changed. */
  int markRetry(
      @Param("no") String outRefundNo, @Param("error") String error, @Param("at") Instant at);
}
