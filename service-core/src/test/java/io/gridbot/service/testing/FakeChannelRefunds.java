package io.gridbot.service.testing;

import io.gridbot.service.port.ChannelRefunds;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The refund outbox in memory, with the port's promises: only pending refunds are listed (at once:
 * no waiting after an error), failed and succeeded are final, a retry counts an attempt and keeps
 * the refund pending, a sent refund is awaited once its last news is older than asked, the
 * platform's word of success wins over any other state, and a repeat changes nothing. Shared by the
 * channels' tests through service-core's test jar (this package only).
 */
public final class FakeChannelRefunds implements ChannelRefunds {

  /** One refund and what became of it. */
  public static final class Row {
    public PendingRefund refund;
    public String channel;
    public String state = "PENDING";
    public String platformRefundId;
    public String lastError;
    public Instant checkedAt;
    public Instant finishedAt;

    /** How often the payer was told the money arrived. */
    public int told;
  }

  public final Map<String, Row> rows = new LinkedHashMap<>();

  public void add(
      String channel, String outRefundNo, String outTradeNo, String amount, String total) {
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

  /** A refund the platform accepted at {@code sentAt}. */
  public void addSent(
      String channel, String outRefundNo, String outTradeNo, String amount, Instant sentAt) {
    add(channel, outRefundNo, outTradeNo, amount, amount);
    Row row = rows.get(outRefundNo);
    row.state = "SENT";
    row.checkedAt = sentAt;
  }

  public Row row(String outRefundNo) {
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
  public synchronized List<SentRefund> awaiting(String channel, Instant olderThan, int limit) {
    List<SentRefund> awaiting = new ArrayList<>();
    for (Row row : rows.values()) {
      if (row.channel.equals(channel)
          && row.state.equals("SENT")
          && row.checkedAt.isBefore(olderThan)
          && awaiting.size() < limit) {
        PendingRefund r = row.refund;
        awaiting.add(
            new SentRefund(
                r.outRefundNo(), r.outTradeNo(), row.platformRefundId, r.amount(), row.checkedAt));
      }
    }
    return awaiting;
  }

  @Override
  public synchronized boolean sent(String outRefundNo, String platformRefundId) {
    Row row = rows.get(outRefundNo);
    if (row == null || !(row.state.equals("PENDING") || row.state.equals("SENT"))) {
      return false;
    }
    row.state = "SENT";
    row.checkedAt = Instant.now();
    if (platformRefundId != null) {
      row.platformRefundId = platformRefundId;
    }
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
    attemptFailed(row, error);
    return true;
  }

  @Override
  public synchronized Recorded processing(String outRefundNo) {
    Row row = rows.get(outRefundNo);
    if (row == null) {
      return Recorded.UNKNOWN;
    }
    if (!row.state.equals("SENT")) {
      return Recorded.REFUSED;
    }
    row.checkedAt = Instant.now();
    return Recorded.CHANGED;
  }

  @Override
  public synchronized Recorded succeeded(String outRefundNo, String platformRefundId, Instant at) {
    Row row = rows.get(outRefundNo);
    if (row == null) {
      return Recorded.UNKNOWN;
    }
    if (row.state.equals("SUCCEEDED")) {
      return Recorded.ALREADY;
    }
    row.state = "SUCCEEDED";
    row.finishedAt = at == null ? Instant.now() : at;
    if (platformRefundId != null) {
      row.platformRefundId = platformRefundId;
    }
    row.told++;
    return Recorded.CHANGED;
  }

  @Override
  public synchronized Recorded abnormal(
      String outRefundNo, String platformRefundId, String reason) {
    Row row = rows.get(outRefundNo);
    if (row == null) {
      return Recorded.UNKNOWN;
    }
    if (row.state.equals("ABNORMAL")) {
      return Recorded.ALREADY;
    }
    if (!(row.state.equals("PENDING") || row.state.equals("SENT"))) {
      return Recorded.REFUSED;
    }
    row.state = "ABNORMAL";
    row.lastError = reason;
    row.finishedAt = Instant.now();
    if (platformRefundId != null) {
      row.platformRefundId = platformRefundId;
    }
    return Recorded.CHANGED;
  }

  @Override
  public synchronized Recorded sendAgain(String outRefundNo, String reason) {
    Row row = rows.get(outRefundNo);
    if (row == null) {
      return Recorded.UNKNOWN;
    }
    if (!row.state.equals("SENT")) {
      return Recorded.REFUSED;
    }
    row.state = "PENDING";
    attemptFailed(row, reason);
    return Recorded.CHANGED;
  }

  private static void attemptFailed(Row row, String error) {
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
  }
}
