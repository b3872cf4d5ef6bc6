package io.gridbot.app.jobs;

import io.gridbot.service.appointment.Booking;
import io.gridbot.service.appointment.BookingService;
import io.gridbot.service.job.JobLock;
import io.gridbot.service.payment.PaymentService;
import io.gridbot.service.payment.ReconciliationReport;
import io.gridbot.service.payment.ReconciliationService;
import io.gridbot.service.points.PointsService;
import io.gridbot.service.tag.TagService;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The business's housekeeping, each job once across all instances (the database job lock):
 * appointment reminders the evening before, closing payment orders nobody paid, yesterday's
 * reconciliation, points expiry and the nightly recomputation of customer tags. On with {@code
 * gridbot.notifications.jobs.enabled}.
 */
@Component
@EnableScheduling
@ConditionalOnProperty(
    prefix = "gridbot.notifications.jobs",
    name = "enabled",
    havingValue = "true")
class ServiceJobs {

  private static final Logger log = LoggerFactory.getLogger(ServiceJobs.class);
  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  /**
   * Each job keeps its lock at least this long from its start, so that an instance whose scheduler
   * fires a few seconds later does not run it again.
   */
  static final Duration AT_LEAST = Duration.ofSeconds(30);

  /** Payment orders unpaid this long are closed (a late payment is still credited). */
  static final Duration ORDER_TIMEOUT = Duration.ofMinutes(30);

  private final JobLock lock;
  private final BookingService bookings;
  private final PaymentService payments;
  private final PointsService points;
  private final TagService tags;
  private final ReconciliationService reconciliation;
  private final Clock clock;

  @Autowired
  ServiceJobs(
      JobLock lock,
      BookingService bookings,
      PaymentService payments,
      PointsService points,
      TagService tags,
      ReconciliationService reconciliation) {
    this(lock, bookings, payments, points, tags, reconciliation, Clock.systemUTC());
  }

  ServiceJobs(
      JobLock lock,
      BookingService bookings,
      PaymentService payments,
      PointsService points,
      TagService tags,
      ReconciliationService reconciliation,
      Clock clock) {
    this.reconciliation = reconciliation;
    this.lock = lock;
    this.bookings = bookings;
    this.payments = payments;
    this.points = points;
    this.tags = tags;
    this.clock = clock;
  }

  /** Tomorrow's appointments get their reminder at 18:00 China time, once each. */
  @Scheduled(cron = "0 0 18 * * *", zone = "Asia/Shanghai")
  void appointmentReminders() {
    lock.runScheduled(
        "appointment-reminders",
        Duration.ofMinutes(30),
        AT_LEAST,
        () -> {
          LocalDate tomorrow = LocalDate.now(clock.withZone(CHINA)).plusDays(1);
          int sent = 0;
          for (Booking booking : bookings.remindersDue(tomorrow)) {
            if (bookings.markReminded(booking.no())) {
              sent++;
            }
          }
          log.info("appointment reminders for {}: {} sent", tomorrow, sent);
        });
  }

  @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT1M")
  void closeUnpaidOrders() {
    lock.runScheduled(
        "close-unpaid-orders",
        Duration.ofMinutes(4),
        AT_LEAST,
        () -> {
          int closed = payments.closeExpired(clock.instant().minus(ORDER_TIMEOUT));
          if (closed > 0) {
            log.info("closed {} payment orders unpaid for {}", closed, ORDER_TIMEOUT);
          }
        });
  }

  /**
   * Yesterday's reconciliation (China time) at 02:30: orders vs ledger vs refunds per channel. A
   * day that does not reconcile is logged {@code STAFF:} with every difference; staff read the full
   * report at {@code GET /api/staff/reconciliation?day=}.
   */
  @Scheduled(cron = "0 30 2 * * *", zone = "Asia/Shanghai")
  void dailyReconciliation() {
    lock.runScheduled(
        "daily-reconciliation",
        Duration.ofMinutes(30),
        AT_LEAST,
        () -> reconcile(LocalDate.now(clock.withZone(CHINA)).minusDays(1)));
  }

  /** Reconciles one day and logs the outcome; returns whether it reconciled. */
  boolean reconcile(LocalDate day) {
    ReconciliationReport report = reconciliation.reconcile(day, Map.of());
    if (report.reconciles()) {
      log.info(
          "reconciliation of {}: reconciles ({})",
          day,
          report.channels().stream()
              .map(c -> c.channel() + " " + c.orders() + " orders " + c.orderSum())
              .toList());
      return true;
    }
    log.error(
        "STAFF: reconciliation of {} does not reconcile: {} differences",
        day,
        report.differences().size());
    report
        .differences()
        .forEach(
            d ->
                log.error(
                    "STAFF: reconciliation {} {} {} {} {}",
                    day,
                    d.kind(),
                    d.channel(),
                    d.outTradeNo() == null ? "-" : d.outTradeNo(),
                    d.detail()));
    return false;
  }

  @Scheduled(cron = "0 0 2 * * *", zone = "Asia/Shanghai")
  void expirePoints() {
    lock.runScheduled(
        "points-expiry",
        Duration.ofHours(1),
        AT_LEAST,
        () -> log.info("points expiry: {}", points.expire(clock.instant())));
  }

  @Scheduled(cron = "0 0 3 * * *", zone = "Asia/Shanghai")
  void recomputeTags() {
    lock.runScheduled(
        "tag-recompute",
        Duration.ofHours(2),
        AT_LEAST,
        () -> log.info("customer tags recomputed for {} accounts", tags.recomputeAll()));
  }
}
