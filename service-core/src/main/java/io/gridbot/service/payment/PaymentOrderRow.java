package io.gridbot.service.payment;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.ChannelUser;
import java.math.BigDecimal;
import java.time.Instant;

/** A payment_order row; the payer is two nullable columns. */
record PaymentOrderRow(
    OutTradeNo outTradeNo,
    AccountNo accountNo,
    BigDecimal amount,
    PaymentChannel channel,
    String payerChannel,
    String payerUserId,
    PaymentState state,
    String channelTxnId,
    BigDecimal refundedAmount,
    Instant createdAt,
    Instant paidAt,
    Instant closedAt,
    Instant refundedAt) {

  PaymentOrder toOrder() {
    ChannelUser payer = payerChannel == null ? null : new ChannelUser(payerChannel, payerUserId);
    return new PaymentOrder(
        outTradeNo,
        accountNo,
        amount,
        channel,
        payer,
        state,
        channelTxnId,
        refundedAmount,
        createdAt,
        paidAt,
        closedAt,
        refundedAt);
  }
}
