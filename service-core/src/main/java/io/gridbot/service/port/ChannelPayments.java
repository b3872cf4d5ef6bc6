package io.gridbot.service.port;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a payment channel (WeChat Pay, Alipay) needs of the payments ledger: the orders it is asked
 * to collect, and the confirmation that their money arrived. Plain values only, so that channels
 * stay apart from the business classes.
 */
public interface ChannelPayments {

  /** The order, or empty when there is none. */
  Optional<ChannelOrder> order(String outTradeNo);

  /**
   * Records that the platform received the payment and credits the account, exactly once: a
   * repeated confirmation with the same transaction returns the order as it is. Committed when this
   * returns.
   *
   * @param paidAmount what the platform says it received, in yuan
   * @param channelTxnId the platform's transaction id
   * @throws PaymentRefused when there is no such order, the amount differs from the order's, or
   *     another transaction paid it; nothing changes
   */
  ChannelOrder confirm(
      String outTradeNo, BigDecimal paidAmount, String channelTxnId, Instant paidAt);

  /**
   * Closes an unpaid order that the platform says was never paid; closing a closed order returns it
   * unchanged.
   *
   * @throws PaymentRefused when there is no such order or it is paid
   */
  ChannelOrder close(String outTradeNo);

  /**
   * Orders of {@code channel} still unpaid ({@code CREATED}) that were created before {@code
   * createdBefore}, oldest first, for reconciliation with the platform.
   *
   * @param channel {@code wechat} or {@code alipay}
   * @param limit 1 to 1000
   */
  List<ChannelOrder> unpaid(String channel, Instant createdBefore, int limit);

  /**
   * An order as a channel sees it.
   *
   * @param channel lowercase payment channel, e.g. {@code wechat}
   * @param state {@code CREATED}, {@code PAID}, {@code CLOSED} or {@code REFUNDED}
   * @param payerChannel the channel of the user who pays, or null when unknown
   * @param payerId that user's id on the channel (an openid, an Alipay user id), or null
   * @param accountMasked the account number with its middle hidden, for the payment page
   */
  record ChannelOrder(
      String outTradeNo,
      String accountMasked,
      BigDecimal amount,
      String channel,
      String state,
      String payerChannel,
      String payerId,
      Instant createdAt) {

    public ChannelOrder {
      Objects.requireNonNull(outTradeNo, "outTradeNo");
      Objects.requireNonNull(amount, "amount");
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(createdAt, "createdAt");
    }

    /** True while the order can be paid: created and neither paid nor closed. */
    public boolean payable() {
      return "CREATED".equals(state);
    }

    /** Amount in fen, as WeChat Pay counts it. */
    public long amountFen() {
      return amount.movePointRight(2).longValueExact();
    }
  }

  /** Why a confirmation or close was refused. */
  enum Refusal {
    /** No order has this number. */
    NOT_FOUND,
    /** The paid amount is not the order's amount. */
    AMOUNT_MISMATCH,
    /** Another transaction paid the order, or this transaction paid another order. */
    TRANSACTION_MISMATCH,
    /** The order cannot be closed: it is paid or refunded. */
    ALREADY_PAID
  }

  /** A confirmation or close that changed nothing, with the reason. */
  final class PaymentRefused extends RuntimeException {
    private final Refusal reason;

    public PaymentRefused(Refusal reason, String message) {
      super(message);
      this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Refusal reason() {
      return reason;
    }
  }
}
