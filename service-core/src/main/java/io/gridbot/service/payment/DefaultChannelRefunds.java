package io.gridbot.service.payment;

import io.gridbot.service.port.ChannelRefunds;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox of refunds as the payment channels see it: plain values over {@code refund_dispatch}.
 */
@Service
@Transactional
class DefaultChannelRefunds implements ChannelRefunds {

  private static final Logger log = LoggerFactory.getLogger(DefaultChannelRefunds.class);
  private static final int MAX_TEXT = 200;

  private final RefundDispatchMapper dispatches;

  DefaultChannelRefunds(RefundDispatchMapper dispatches) {
    this.dispatches = dispatches;
  }

  @Override
  @Transactional(readOnly = true)
  public List<PendingRefund> pending(String channel, int limit) {
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("limit must be 1 to 1000, got " + limit);
    }
    return dispatches.findPending(platform(channel), limit);
  }

  @Override
  public boolean sent(String outRefundNo, String platformRefundId) {
    boolean changed = dispatches.markSent(no(outRefundNo), cut(platformRefundId, 64), now()) == 1;
    if (changed) {
      log.info("refund {} accepted by the platform ({})", outRefundNo, platformRefundId);
    }
    return changed;
  }

  @Override
  public boolean failed(String outRefundNo, String reason) {
    String why = cut(reason == null || reason.isBlank() ? "refused" : reason, MAX_TEXT);
    boolean changed = dispatches.markFailed(no(outRefundNo), why, now()) == 1;
    if (changed) {
      log.warn("refund {} refused by the platform: {}", outRefundNo, why);
    }
    return changed;
  }

  @Override
  public boolean retryLater(String outRefundNo, String error) {
    String why = cut(error == null || error.isBlank() ? "unknown error" : error, MAX_TEXT);
    return dispatches.markRetry(no(outRefundNo), why, now()) == 1;
  }

  /** The channels that refund through a platform; others have nothing to send. */
  static boolean dispatched(PaymentChannel channel) {
    return channel == PaymentChannel.WECHAT || channel == PaymentChannel.ALIPAY;
  }

  private static PaymentChannel platform(String channel) {
    Objects.requireNonNull(channel, "channel");
    PaymentChannel c;
    try {
      c = PaymentChannel.valueOf(channel.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("no such payment channel: " + channel, e);
    }
    if (!dispatched(c)) {
      throw new IllegalArgumentException("refunds of " + channel + " go to no platform");
    }
    return c;
  }

  private static String no(String outRefundNo) {
    return Objects.requireNonNull(outRefundNo, "outRefundNo");
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }
}
