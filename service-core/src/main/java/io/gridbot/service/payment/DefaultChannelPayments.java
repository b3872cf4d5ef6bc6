package io.gridbot.service.payment;

import io.gridbot.service.port.ChannelPayments;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** The payments ledger as the payment channels see it: plain values over {@link PaymentService}. */
@Service
class DefaultChannelPayments implements ChannelPayments {

  private final PaymentService payments;
  private final PaymentOrderMapper orders;

  DefaultChannelPayments(PaymentService payments, PaymentOrderMapper orders) {
    this.payments = payments;
    this.orders = orders;
  }

  @Override
  public Optional<ChannelOrder> order(String outTradeNo) {
    return number(outTradeNo).flatMap(payments::find).map(DefaultChannelPayments::view);
  }

  @Override
  public ChannelOrder confirm(
      String outTradeNo, BigDecimal paidAmount, String channelTxnId, Instant paidAt) {
    OutTradeNo no = number(outTradeNo).orElseThrow(() -> notFound(outTradeNo));
    try {
      return view(payments.confirm(no, paidAmount, channelTxnId, paidAt));
    } catch (PaymentOrderNotFound e) {
      throw notFound(outTradeNo);
    } catch (PaymentAmountMismatch e) {
      throw new PaymentRefused(Refusal.AMOUNT_MISMATCH, e.getMessage());
    } catch (ChannelTransactionMismatch e) {
      throw new PaymentRefused(Refusal.TRANSACTION_MISMATCH, e.getMessage());
    }
  }

  @Override
  public ChannelOrder close(String outTradeNo) {
    OutTradeNo no = number(outTradeNo).orElseThrow(() -> notFound(outTradeNo));
    try {
      return view(payments.close(no));
    } catch (PaymentOrderNotFound e) {
      throw notFound(outTradeNo);
    } catch (PaymentTransitionRefused e) {
      throw new PaymentRefused(Refusal.ALREADY_PAID, e.getMessage());
    }
  }

  @Override
  public List<ChannelOrder> unpaid(String channel, Instant createdBefore, int limit) {
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("limit must be 1 to 1000, got " + limit);
    }
    PaymentChannel payment = PaymentChannel.valueOf(channel.toUpperCase(Locale.ROOT));
    return orders.findCreatedBefore(payment, createdBefore, limit).stream()
        .map(row -> view(row.toOrder()))
        .toList();
  }

  private static Optional<OutTradeNo> number(String outTradeNo) {
    try {
      return Optional.of(new OutTradeNo(outTradeNo));
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }

  private static PaymentRefused notFound(String outTradeNo) {
    return new PaymentRefused(Refusal.NOT_FOUND, "no payment order " + outTradeNo);
  }

  private static ChannelOrder view(PaymentOrder order) {
    return new ChannelOrder(
        order.outTradeNo().value(),
        order.accountNo().masked(),
        order.amount(),
        order.channel().code(),
        order.state().name(),
        order.payer() == null ? null : order.payer().channel(),
        order.payer() == null ? null : order.payer().userId(),
        order.createdAt());
  }
}
