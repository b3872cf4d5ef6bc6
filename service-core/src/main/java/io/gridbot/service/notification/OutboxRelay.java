package io.gridbot.service.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Every {@code gridbot.notifications.outbox.every}, enqueues the notices left in the outbox by an
 * instance that died or could not reach the queue (each taken by one relay only), forgets the old
 * enqueued ones, and warns while notices wait longer than a few minutes. Runs on every instance
 * with {@code gridbot.notifications.outbox.relay=true} (the default).
 */
final class OutboxRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
  private static final int BATCH = 50;
  private static final Duration PURGE_EVERY = Duration.ofHours(1);
  private static final Duration WARN_AFTER = Duration.ofMinutes(5);

  private final DefaultNotificationPublisher publisher;
  private final NotificationSettings.Outbox settings;
  private final Clock clock;
  private ScheduledExecutorService timer;
  private Instant lastPurge = Instant.EPOCH;
  private volatile boolean running;

  OutboxRelay(
      DefaultNotificationPublisher publisher, NotificationSettings.Outbox settings, Clock clock) {
    this.publisher = publisher;
    this.settings = settings;
    this.clock = clock;
  }

  /** One round: relays due notices until none is left, purges hourly, warns about a backlog. */
  void runOnce() {
    try {
      int taken;
      int total = 0;
      do {
        taken = publisher.relay(BATCH);
        total += taken;
      } while (taken == BATCH && running);
      if (total > 0) {
        log.info("outbox relay enqueued {} notices left behind", total);
      }
      Instant now = clock.instant();
      if (Duration.between(lastPurge, now).compareTo(PURGE_EVERY) >= 0) {
        lastPurge = now;
        int purged = publisher.purge();
        if (purged > 0) {
          log.info(
              "outbox: forgot {} notices enqueued before {}", purged, now.minus(settings.keep()));
        }
      }
      OutboxMapper.Backlog backlog = publisher.backlog();
      if (backlog.pending() > 0
          && backlog.oldestCreatedAt() != null
          && backlog.oldestCreatedAt().isBefore(now.minus(WARN_AFTER))) {
        log.warn(
            "outbox: {} notices not yet enqueued, the oldest since {}",
            backlog.pending(),
            backlog.oldestCreatedAt());
      }
    } catch (RuntimeException e) {
      log.warn("outbox relay round failed; trying again in {}", settings.every(), e);
    }
  }

  @Override
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "notification-outbox-relay");
              t.setDaemon(true);
              return t;
            });
    long every = settings.every().toMillis();
    timer.scheduleWithFixedDelay(this::runOnce, every, every, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    running = false;
    if (timer != null) {
      timer.shutdownNow();
      try {
        timer.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      timer = null;
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
