package io.gridbot.channel.wechat.pay;

import io.gridbot.service.port.ChannelPayments;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ledger's port in memory, with its promises: a confirmation credits once (a repeat with the
 * same transaction returns the order), a different amount or transaction is refused.
 */
final class FakeChannelPayments implements ChannelPayments {

  private final Map<String, ChannelOrder> orders = new ConcurrentHashMap<>();
  private final Map<String, String> transactions = new ConcurrentHashMap<>();
  final List<String> credits = new ArrayList<>();
  final List<String> closes = new ArrayList<>();

  ChannelOrder add(String no, String amount, String channel, String payerId, Instant createdAt) {
    ChannelOrder order =
        new ChannelOrder(
            no,
            "3300****01",
            new BigDecimal(amount),
            channel,
            "CREATED",
            payerId == null ? null : channel,
            payerId,
            createdAt);
    orders.put(no, order);
    return order;
  }

  @Override
  public Optional<ChannelOrder> order(String outTradeNo) {
    return Optional.ofNullable(orders.get(outTradeNo));
  }

  @Override
  public synchronized ChannelOrder confirm(
      String outTradeNo, BigDecimal paidAmount, String channelTxnId, Instant paidAt) {
    ChannelOrder order = orders.get(outTradeNo);
    if (order == null) {
      throw new PaymentRefused(Refusal.NOT_FOUND, "no order " + outTradeNo);
    }
    if (paidAmount.compareTo(order.amount()) != 0) {
      throw new PaymentRefused(Refusal.AMOUNT_MISMATCH, "amount");
    }
    if ("PAID".equals(order.state())) {
      if (channelTxnId.equals(transactions.get(outTradeNo))) {
        return order;
      }
      throw new PaymentRefused(Refusal.TRANSACTION_MISMATCH, "transaction");
    }
    ChannelOrder paid = withState(order, "PAID");
    orders.put(outTradeNo, paid);
    transactions.put(outTradeNo, channelTxnId);
    credits.add(outTradeNo);
    return paid;
  }

  @Override
  public synchronized ChannelOrder close(String outTradeNo) {
    ChannelOrder order = orders.get(outTradeNo);
    if (order == null) {
      throw new PaymentRefused(Refusal.NOT_FOUND, "no order " + outTradeNo);
    }
    if ("PAID".equals(order.state())) {
      throw new PaymentRefused(Refusal.ALREADY_PAID, "paid");
    }
    ChannelOrder closed = withState(order, "CLOSED");
    orders.put(outTradeNo, closed);
    closes.add(outTradeNo);
    return closed;
  }

  @Override
  public List<ChannelOrder> unpaid(String channel, Instant createdBefore, int limit) {
    return new ArrayList<>(orders.values())
        .stream()
            .filter(o -> o.channel().equals(channel) && o.payable())
            .filter(o -> o.createdAt().isBefore(createdBefore))
            .sorted(Comparator.comparing(ChannelOrder::createdAt))
            .limit(limit)
            .toList();
  }

  private static ChannelOrder withState(ChannelOrder o, String state) {
    return new ChannelOrder(
        o.outTradeNo(),
        o.accountMasked(),
        o.amount(),
        o.channel(),
        state,
        o.payerChannel(),
        o.payerId(),
        o.createdAt());
  }
}
