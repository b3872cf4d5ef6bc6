package io.gridbot.service.payment;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.ChannelUser;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A payment order. Money is in yuan with scale 2; times are UTC with millisecond precision.
 *
 * @param amount what the customer is asked to pay, 0.01 to 50,000.00
 * @param payer the channel user who pays; null when unknown (a counter payment)
 * @param channelTxnId the platform's transaction id; null until paid
 * @param refundedAmount the sum of its refunds; zero unless refunded
 * @param paidAt when the platform says it was paid; null until paid
 * @param closedAt when it was closed; null unless it was ever closed (kept when paid late)
 * @param refundedAt when the last yuan was refunded; null unless {@code REFUNDED}
 */
public record PaymentOrder(
    OutTradeNo outTradeNo,
    AccountNo accountNo,
    BigDecimal amount,
    PaymentChannel channel,
    ChannelUser payer,
    PaymentState state,
    String channelTxnId,
    BigDecimal refundedAmount,
    Instant createdAt,
    Instant paidAt,
    Instant closedAt,
    Instant refundedAt) {

  public PaymentOrder {
    Objects.requireNonNull(outTradeNo, "outTradeNo");
    Objects.requireNonNull(accountNo, "accountNo");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(refundedAmount, "refundedAmount");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** What may still be refunded: the amount less earlier refunds; zero unless paid. */
  public BigDecimal refundable() {
    return state == PaymentState.PAID ? amount.subtract(refundedAmount) : BigDecimal.ZERO;
  }
}
