package io.gridbot.service.payment;

import io.gridbot.service.notification.NotificationPublisher;
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
 * the attempt cap, fail for staff. Every change locks the refund's row first, so that a
 * notification and a query answering at once record one change. A refund that ends without reaching
 * the payer (FAILED, ABNORMAL) puts its money back on the account, and one the platform pays after
 * all takes it off again, in the transaction that records the change ({@link RefundReversals}). A
 * {@link Clock} bean, if the application has exactly one, is the time; otherwise UTC system time.
 */
@Service
@Transactional
class DefaultChannelRefunds implements ChannelRefunds {

  private static final Logger log = LoggerFactory.getLogger(DefaultChannelRefunds.class);
  private static final int MAX_TEXT = 200;

  private final RefundDispatchMapper dispatches;
  private final PaymentOrderMapper orders;
  private final RefundReversals reversals;
  private final NotificationPublisher notifications;
  private final PaymentSettings settings;
  private final Clock clock;

  DefaultChannelRefunds(
      RefundDispatchMapper dispatches,
      PaymentOrderMapper orders,
      RefundReversals reversals,
      NotificationPublisher notifications,
      PaymentSettings settings,
      ObjectProvider<Clock> clock) {
    this.dispatches = dispatches;
    this.orders = orders;
    this.reversals = reversals;
    this.notifications = notifications;
    this.settings = settings;
    this.clock = clock.getIfUnique(Clock::systemUTC);
  }

  @Override
  @Transactional(readOnly = true)
  public List<PendingRefund> pending(String channel, int limit) {
    return dispatches.findDue(platform(channel), now(), checkLimit(limit));
  }

  @Override
  @Transactional(readOnly = true)
  public List<SentRefund> awaiting(String channel, Instant olderThan, int limit) {
    Objects.requireNonNull(olderThan, "olderThan");
    return dispatches.findAwaiting(platform(channel), olderThan, checkLimit(limit));
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
    RefundDispatch refund = dispatches.lock(no(outRefundNo)).orElse(null);
    if (refund == null || refund.state() != RefundDispatchState.PENDING) {
      return false;
    }
    String why = text(reason, "refused");
    Instant now = now();
    dispatches.markFailed(outRefundNo, why, now);
    reversals.putBack(refund, now);
    log.error(
        "STAFF: refund {} of order {} ({} yuan, {}) refused by the platform: {}; the money is back"
            + " on the account and the order may be refunded again, or return it another way",
        outRefundNo,
        refund.outTradeNo(),
        refund.amount(),
        refund.channel().code(),
        why);
    return true;
  }

  @Override
  public boolean retryLater(String outRefundNo, String error) {
    RefundDispatch refund = dispatches.lock(no(outRefundNo)).orElse(null);
    if (refund == null || refund.state() != RefundDispatchState.PENDING) {
      return false;
    }
    attemptFailed(refund, text(error, "unknown error"));
    return true;
  }

  @Override
  public Recorded processing(String outRefundNo) {
    RefundDispatch refund = dispatches.lock(no(outRefundNo)).orElse(null);
    if (refund == null) {
      return Recorded.UNKNOWN;
    }
    if (refund.state() != RefundDispatchState.SENT) {
      return Recorded.REFUSED;
    }
    dispatches.markChecked(outRefundNo, now());
    return Recorded.CHANGED;
  }

  @Override
  public Recorded succeeded(String outRefundNo, String platformRefundId, Instant at) {
    RefundDispatch refund = dispatches.lock(no(outRefundNo)).orElse(null);
    if (refund == null) {
      return Recorded.UNKNOWN;
    }
    if (refund.state() == RefundDispatchState.SUCCEEDED) {
      return Recorded.ALREADY;
    }
    Instant now = now();
    Instant arrivedAt = at == null ? now : at.truncatedTo(ChronoUnit.MILLIS);
    dispatches.markSucceeded(
        outRefundNo, refund.state(), cut(platformRefundId, 64), arrivedAt, now);
    if (refund.state() == RefundDispatchState.FAILED
        || refund.state() == RefundDispatchState.ABNORMAL) {
      boolean takenOff = reversals.takeOffAgain(refund, now).isPresent();
      log.error(
          "STAFF: refund {} of order {} ({} yuan) was {} ({}) but the platform paid it back at {};"
              + "{} do not return the money again",
          outRefundNo,
          refund.outTradeNo(),
          refund.amount(),
          refund.state(),
          refund.lastError(),
          arrivedAt,
          takenOff ? " the money put back on the account is taken off it again;" : "");
    } else {
      log.info(
          "refund {} of order {} ({} yuan) reached the payer at {}",
          outRefundNo,
          refund.outTradeNo(),
          refund.amount(),
          arrivedAt);
    }
    orders
        .find(new OutTradeNo(refund.outTradeNo()))
        .map(PaymentOrderRow::toOrder)
        .ifPresent(
            order ->
                PaymentNotices.tell(
                    notifications,
                    order,
                    PaymentNotices.refundArrived(
                        order, refund, arrivedAt, settings.businessZone())));
    return Recorded.CHANGED;
  }

  @Override
  public Recorded abnormal(String outRefundNo, String platformRefundId, String reason) {
    RefundDispatch refund = dispatches.lock(no(outRefundNo)).orElse(null);
    if (refund == null) {
      return Recorded.UNKNOWN;
    }
    switch (refund.state()) {
      case ABNORMAL -> {
        return Recorded.ALREADY;
      }
      case SUCCEEDED, FAILED -> {
        log.warn(
            "refund {} is {}: the platform's later report of an abnormal end ({}) is ignored",
            outRefundNo,
            refund.state(),
            reason);
        return Recorded.REFUSED;
      }
      default -> {
        // PENDING or SENT
      }
    }
    String why = text(reason, "abnormal");
    Instant now = now();
    dispatches.markAbnormal(outRefundNo, refund.state(), cut(platformRefundId, 64), why, now);
    reversals.putBack(refund, now);
    log.error(
        "STAFF: refund {} of order {} ({} yuan, {}) ended at the platform without reaching the"
            + " payer: {}; the money is back on the account: pay it in the merchant platform (its"
            + " success takes the money off again), refund the order again, or return it another"
            + " way",
        outRefundNo,
        refund.outTradeNo(),
        refund.amount(),
        refund.channel().code(),
        why);
    return Recorded.CHANGED;
  }

  @Override
  public Recorded sendAgain(String outRefundNo, String reason) {
    RefundDispatch refund = dispatches.lock(no(outRefundNo)).orElse(null);
    if (refund == null) {
      return Recorded.UNKNOWN;
    }
    if (refund.state() != RefundDispatchState.SENT) {
      return Recorded.REFUSED;
    }
    attemptFailed(refund, text(reason, "not carried out by the platform"));
    return Recorded.CHANGED;
  }

  /** One more attempt failed: wait before the next one, or give up at the cap. */
  private void attemptFailed(RefundDispatch refund, String why) {
    PaymentSettings.RefundRetry retry = settings.refunds();
    String no = refund.outRefundNo();
    int attempts = refund.attempts() + 1;
    Instant now = now();
    if (retry.exhausted(attempts)) {
      dispatches.markGaveUp(no, refund.state(), why, now);
      reversals.putBack(refund, now);
      log.error(
          "STAFF: refund {} of order {} ({} yuan, {}) not sent after {} attempts, last error: {};"
              + " the money is back on the account: look it up at the platform, then send it again"
              + " (staff API: takes the money off again), refund the order again, or return it"
              + " another way",
          no,
          refund.outTradeNo(),
          refund.amount(),
          refund.channel().code(),
          attempts,
          why);
      return;
    }
    Instant next = now.plus(retry.waitAfter(attempts));
    dispatches.markRetry(no, refund.state(), why, now, next);
    log.info("refund {} not sent (attempt {}: {}): due again at {}", no, attempts, why, next);
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

  private static int checkLimit(int limit) {
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("limit must be 1 to 1000, got " + limit);
    }
    return limit;
  }

  private static String no(String outRefundNo) {
    return Objects.requireNonNull(outRefundNo, "outRefundNo");
  }

  private static String text(String text, String otherwise) {
    return cut(text == null || text.isBlank() ? otherwise : text, MAX_TEXT);
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
