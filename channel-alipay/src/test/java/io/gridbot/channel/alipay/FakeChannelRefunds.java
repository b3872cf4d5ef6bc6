package io.gridbot.channel.alipay;

import io.gridbot.service.port.ChannelRefunds;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The refund outbox in memory, with the port's promises: only pending refunds are listed, sent and
 * failed are final, a retry counts an attempt and keeps the refund pending.
 */
final class FakeChannelRefunds implements ChannelRefunds {

  /** One refund and what became of it. */
  static final class Row {
    PendingRefund refund;
    String channel;
    String state = "PENDING";
    String platformRefundId;
    String lastError;
  }

  final Map<String, Row> rows = new LinkedHashMap<>();

  void add(String channel, String outRefundNo, String outTradeNo, String amount, String total) {
    Row row = new Row();
    row.channel = channel;
    row.refund =
        new PendingRefund(
            outRefundNo,
            outTradeNo,
            new BigDecimal(amount),
            new BigDecimal(total),
            "多缴电费退回",
            0,
            Instant.now());
    rows.put(outRefundNo, row);
  }

  Row row(String outRefundNo) {
    return rows.get(outRefundNo);
  }

  @Override
  public synchronized List<PendingRefund> pending(String channel, int limit) {
    List<PendingRefund> pending = new ArrayList<>();
    for (Row row : rows.values()) {
      if (row.channel.equals(channel) && row.state.equals("PENDING") && pending.size() < limit) {
        pending.add(row.refund);
      }
    }
    return pending;
  }

  @Override
  public synchronized boolean sent(String outRefundNo, String platformRefundId) {
    Row row = rows.get(outRefundNo);
    if (row == null || row.state.equals("FAILED")) {
      return false;
    }
    row.state = "SENT";
    row.platformRefundId = platformRefundId;
    return true;
  }

  @Override
  public synchronized boolean failed(String outRefundNo, String reason) {
    Row row = rows.get(outRefundNo);
    if (row == null || !row.state.equals("PENDING")) {
      return false;
    }
    row.state = "FAILED";
    row.lastError = reason;
    return true;
  }

  @Override
  public synchronized boolean retryLater(String outRefundNo, String error) {
    Row row = rows.get(outRefundNo);
    if (row == null || !row.state.equals("PENDING")) {
      return false;
    }
    PendingRefund r = row.refund;
    row.refund =
        new PendingRefund(
            r.outRefundNo(),
            r.outTradeNo(),
            r.amount(),
            r.orderTotal(),
            r.reason(),
            r.attempts() + 1,
            r.createdAt());
    row.lastError = error;
    return true;
  }
}
