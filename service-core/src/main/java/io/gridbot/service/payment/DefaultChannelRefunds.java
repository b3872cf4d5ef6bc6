package io.gridbot.service.payment;

import io.gridbot.service.port.ChannelRefunds;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox of refunds as the payment channels see it: plain values over {@code refund_dispatch}.
 * A transient error makes a refund wait (backoff from {@code gridbot.payment.refunds}) and, past
 * the attempt cap, fail for staff. A {@link Clock} bean, if the application has exactly one, is the
 * time; otherwise UTC system time.
 */
@Service
@Transactional
class DefaultChannelRefunds implements ChannelRefunds {

  private static final Logger log = LoggerFactory.getLogger(DefaultChannelRefunds.class);
  private static final int MAX_TEXT = 200;

  private final RefundDispatchMapper dispatches;
  private final PaymentSettings.RefundRetry retry;
  private final Clock clock;

  DefaultChannelRefunds(
      RefundDispatchMapper dispatches, PaymentSettings settings, ObjectProvider<Clock> clock) {
    this.dispatches = dispatches;
    this.retry = settings.refunds();
    this.clock = clock.getIfUnique(Clock::systemUTC);
  }

  @Override
  @Transactional(readOnly = true)
  public List<PendingRefund> pending(String channel, int limit) {
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("limit must be 1 to 1000, got " + limit);
    }
    return dispatches.findDue(platform(channel), now(), limit);
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
    RefundDispatch refund = dispatches.lock(no(outRefundNo)).orElse(null);
    if (refund == null || refund.state() != RefundDispatchState.PENDING) {
      return false;
    }
    int attempts = refund.attempts() + 1;
    Instant now = now();
    if (retry.exhausted(attempts)) {
      dispatches.markGaveUp(outRefundNo, why, now);
      log.error(
          "STAFF: refund {} of order {} ({} yuan, {}) not sent after {} attempts, last error: {};"
              + " look it up at the platform, then send it again (staff API) or return the money"
              + " another way",
          outRefundNo,
          refund.outTradeNo(),
          refund.amount(),
          refund.channel().code(),
          attempts,
          why);
      return true;
    }
    Instant next = now.plus(retry.waitAfter(attempts));
    dispatches.markRetry(outRefundNo, why, now, next);
    log.info("refund {} not sent (attempt {}): due again at {}", outRefundNo, attempts, next);
    return true;
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

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
