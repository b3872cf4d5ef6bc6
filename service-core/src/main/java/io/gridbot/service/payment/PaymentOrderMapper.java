package io.gridbot.service.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface PaymentOrderMapper {

  void insert(@Param("order") PaymentOrder order);

  Optional<PaymentOrderRow> find(@Param("no") OutTradeNo no);

  /** The order, locking its row until commit. */
  Optional<PaymentOrderRow> lock(@Param("no") OutTradeNo no);

  /** Pays the order if it is still in state {@code from}; returns the rows changed. */
  int markPaid(
      @Param("no") OutTradeNo no,
      @Param("from") PaymentState from,
      @Param("channelTxnId") String channelTxnId,
      @Param("paidAt") Instant paidAt);

  /** Closes the order if it is still {@code CREATED}; returns the rows changed. */
  int markClosed(@Param("no") OutTradeNo no, @Param("closedAt") Instant closedAt);

  /** Closes every {@code CREATED} order created before {@code olderThan}. */
  int closeCreatedBefore(
      @Param("olderThan") Instant olderThan, @Param("closedAt") Instant closedAt);

  /** Adds to a {@code PAID} order's refunded amount and moves it to {@code state}. */
  int markRefunded(
      @Param("no") OutTradeNo no,
      @Param("refundedAmount") BigDecimal refundedAmount,
      @Param("state") PaymentState state,
      @Param("refundedAt") Instant refundedAt);

  /**
   * Sets a {@code PAID} or {@code REFUNDED} order's refunded amount after a refund's money was put
   * back or taken off again, and its state ({@code PAID}, or {@code REFUNDED} when all of it is
   * refunded).
   */
  int adjustRefunded(
      @Param("no") OutTradeNo no,
      @Param("refundedAmount") BigDecimal refundedAmount,
      @Param("state") PaymentState state,
      @Param("refundedAt") Instant refundedAt);

  void insertRefund(@Param("refund") Refund refund);

  /** Oldest first. */
  List<Refund> findRefunds(@Param("no") OutTradeNo no);

  /** The account's {@code PAID} orders, most recently paid first. */
  List<PaymentOrderRow> findPaidByAccount(
      @Param("account") io.gridbot.service.account.AccountNo account, @Param("limit") int limit);

  /** Orders whose paid_at is in [from, to), whatever their state now. */
  List<PaymentOrderRow> findPaidBetween(@Param("from") Instant from, @Param("to") Instant to);

  /** {@code CREATED} orders of {@code channel} created before {@code before}, oldest first. */
  List<PaymentOrderRow> findCreatedBefore(
      @Param("channel") PaymentChannel channel,
      @Param("before") Instant before,
      @Param("limit") int limit);
}
