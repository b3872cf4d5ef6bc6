package io.gridbot.service.notification;

import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.notification.NotificationQueue.Disposition;
import io.gridbot.service.port.NotificationSender;
import io.gridbot.service.port.NotificationSender.Outcome;
import io.gridbot.service.subscription.SubscriptionService;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one queue entry: deduplicates against the delivery record, honours quiet hours, leases
 * the delivery so that concurrent duplicates do not send twice, rate-limits per channel, sends
 * through the channel's {@link NotificationSender} and records the outcome before the queue
 * acknowledges the entry. Not transactional: every statement commits on its own, so that a lease is
 * visible to other consumers at once.
 */
final class NotificationDispatcher implements NotificationQueue.Handler {

  private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);
  private static final int MAX_ERROR = 500;

  private final DeliveryMapper deliveries;
  private final SubscriptionService subscriptions;
  private final Map<String, NotificationSender> senders;
  private final NotificationSettings settings;
  private final Backoff backoff;
  private final Clock clock;
  private final RateLimiter rateLimits;

  NotificationDispatcher(
      DeliveryMapper deliveries,
      SubscriptionService subscriptions,
      List<NotificationSender> senders,
      NotificationSettings settings,
      Clock clock) {
    this(deliveries, subscriptions, senders, settings, RateLimiter.local(settings::rateOf), clock);
  }

  NotificationDispatcher(
      DeliveryMapper deliveries,
      SubscriptionService subscriptions,
      List<NotificationSender> senders,
      NotificationSettings settings,
      RateLimiter rateLimits,
      Clock clock) {
    this.rateLimits = rateLimits;
    this.deliveries = deliveries;
    this.subscriptions = subscriptions;
    this.senders =
        senders.stream()
            .collect(
                Collectors.toUnmodifiableMap(NotificationSender::channel, Function.identity()));
    this.settings = settings;
    this.backoff = new Backoff(settings.retryBase(), settings.retryMax());
    this.clock = clock;
  }

  @Override
  public Disposition handle(QueueEntry entry) {
    ChannelUser recipient = entry.recipient();
    Notice notice = entry.notice();
    Instant now = now();
    if (!notice.urgent()) {
      Instant allowed =
          subscriptions.quietHours(recipient).map(q -> q.nextAllowed(now)).orElse(now);
      if (allowed.isAfter(now)) {
        deliveries.insertIfAbsent(recipient, notice.key(), notice.kind(), now);
        log.debug("{} waits for the end of quiet hours at {}", entry.describe(), allowed);
        return new Disposition.Later(allowed);
      }
    }
    String token = UUID.randomUUID().toString();
    Instant leaseEnd = now.plus(settings.lease());
    // the common case, a first delivery, takes one statement: insert the record already leased
    DeliveryState from = DeliveryState.QUEUED;
    int attempt = 1;
    if (deliveries.insertLeased(recipient, notice.key(), notice.kind(), token, now, leaseEnd)
        == 0) {
      Delivery existing = deliveries.find(recipient, notice.key()).orElseThrow();
      if (existing.state().isFinal()) {
        log.debug("{} already {}: duplicate dropped", entry.describe(), existing.state());
        return Disposition.DONE;
      }
      if (deliveries.lease(existing.id(), token, now, leaseEnd) == 0) {
        return notNow(entry, now);
      }
      from = existing.state();
      attempt = existing.attempts() + 1;
    }
    return sendLeased(entry, token, from, attempt);
  }

  private Disposition sendLeased(QueueEntry entry, String token, DeliveryState from, int attempt) {
    NotificationSender sender = senders.get(entry.recipient().channel());
    if (sender == null) {
      String error = "no sender for channel " + entry.recipient().channel();
      record(entry, token, from, DeliveryState.FAILED, error, null, now());
      return new Disposition.Dead(error);
    }
    NotificationSender.Delivery outcome = send(sender, entry);
    Instant done = now();
    return switch (outcome.outcome()) {
      case SENT -> {
        record(entry, token, from, DeliveryState.SENT, null, null, done, outcome.detail());
        log.debug("sent {} (attempt {})", entry.describe(), attempt);
        yield Disposition.DONE;
      }
      case FAILED -> {
        record(entry, token, from, DeliveryState.FAILED, outcome.detail(), null, done);
        yield new Disposition.Dead("FAILED: " + outcome.detail());
      }
      case RETRY -> {
        if (attempt >= settings.maxAttempts()) {
          record(entry, token, from, DeliveryState.DEAD, outcome.detail(), null, done);
          yield new Disposition.Dead("gave up after " + attempt + " attempts: " + outcome.detail());
        }
        Instant next = done.plus(backoff.after(attempt));
        record(entry, token, from, DeliveryState.RETRY, outcome.detail(), next, done);
        log.info(
            "{} to be retried at {} (attempt {}): {}",
            entry.describe(),
            next,
            attempt,
            outcome.detail());
        yield new Disposition.Later(next);
      }
    };
  }

  /** Someone else holds the lease, or a retry is not due yet: look again when it could be. */
  private Disposition notNow(QueueEntry entry, Instant now) {
    Delivery current = deliveries.find(entry.recipient(), entry.notice().key()).orElseThrow();
    if (current.state().isFinal()) {
      return Disposition.DONE;
    }
    Instant at = now.plusSeconds(1);
    if (current.leaseUntil() != null && current.leaseUntil().isAfter(at)) {
      at = current.leaseUntil();
    }
    if (current.nextAttemptAt() != null && current.nextAttemptAt().isAfter(at)) {
      at = current.nextAttemptAt();
    }
    log.debug("{} is busy or not due; looking again at {}", entry.describe(), at);
    return new Disposition.Later(at);
  }

  private NotificationSender.Delivery send(NotificationSender sender, QueueEntry entry) {
    try {
      rateLimits.take(entry.recipient().channel());
      NotificationSender.Delivery outcome = sender.send(entry.recipient(), entry.notice());
      return outcome == null || outcome.outcome() == null
          ? new NotificationSender.Delivery(Outcome.RETRY, "sender returned no outcome")
          : outcome;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new NotificationSender.Delivery(Outcome.RETRY, "interrupted");
    } catch (RuntimeException e) {
      // a sender must not throw; if one does, the failure is most likely temporary
      log.warn("sender for {} threw; treating it as RETRY", entry.recipient().channel(), e);
      return new NotificationSender.Delivery(Outcome.RETRY, e.getClass().getSimpleName());
    }
  }

  private void record(
      QueueEntry entry,
      String token,
      DeliveryState from,
      DeliveryState to,
      String error,
      Instant nextAttemptAt,
      Instant now) {
    record(entry, token, from, to, error, nextAttemptAt, now, null);
  }

  /** Records the outcome; {@code platformRef} is what the platform called a sent message. */
  private void record(
      QueueEntry entry,
      String token,
      DeliveryState from,
      DeliveryState to,
      String error,
      Instant nextAttemptAt,
      Instant now,
      String platformRef) {
    from.moveTo(to);
    int changed =
        deliveries.record(
            entry.recipient(),
            entry.notice().key(),
            token,
            to,
            truncate(error),
            nextAttemptAt,
            to == DeliveryState.SENT ? now : null,
            platformRef == null || platformRef.length() > 64 ? null : platformRef,
            now);
    if (changed == 0) {
      log.warn("{}: lease expired before the outcome {} was recorded", entry.describe(), to);
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private static String truncate(String error) {
    return error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
  }
}
