package io.gridbot.service.payment;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.ChannelUser;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A payment was confirmed and credited, published once per order (a Spring application event,
 * inside the confirming transaction) so that other areas can react: points, notifications, tags.
 *
 * @param outTradeNo the payment order's id
 * @param accountNo the credited account
 * @param amount the amount paid, yuan, scale 2
 * @param channel the paying channel, e.g. {@code wechat}, {@code alipay}
 * @param payer the channel user who paid, or null when unknown (e.g. a counter payment)
 * @param onTime whether every bill it settled was paid by its due date
 * @param at when it was confirmed
 */
public record PaymentConfirmed(
    String outTradeNo,
    AccountNo accountNo,
    BigDecimal amount,
    String channel,
    ChannelUser payer,
    boolean onTime,
    Instant at) {

  public PaymentConfirmed {
    Objects.requireNonNull(outTradeNo, "outTradeNo");
    Objects.requireNonNull(accountNo, "accountNo");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(at, "at");
  }
}
