package io.gridbot.app.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.gridbot.service.appointment.Booking;
import io.gridbot.service.appointment.BookingNo;
import io.gridbot.service.appointment.BookingService;
import io.gridbot.service.job.JobLock;
import io.gridbot.service.payment.PaymentService;
import io.gridbot.service.payment.ReconciliationReport;
import io.gridbot.service.payment.ReconciliationService;
import io.gridbot.service.points.PointsService;
import io.gridbot.service.tag.TagService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceJobsTest {

  private final BookingService bookings = mock(BookingService.class);
  private final PaymentService payments = mock(PaymentService.class);
  private final PointsService points = mock(PointsService.class);
  private final TagService tags = mock(TagService.class);
  private final ReconciliationService reconciliation = mock(ReconciliationService.class);
  // 2026-11-27 17:00 UTC is already the 28th in China
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T17:00:00Z"), ZoneOffset.UTC);

  /** A lock that is free, or held by another instance. */
  private static JobLock lock(boolean free) {
    return new JobLock() {
      @Override
      public Optional<Lease> tryAcquire(String name, Duration ttl) {
        return free
            ? Optional.of(new Lease(name, "me", Instant.EPOCH.plus(ttl)))
            : Optional.empty();
      }

      @Override
      public void release(Lease lease) {}
    };
  }

  @Test
  void remindersGoForTomorrowInChinaTime() {
    Booking booking = mock(Booking.class);
    BookingNo no = mock(BookingNo.class);
    when(booking.no()).thenReturn(no);
    when(bookings.remindersDue(LocalDate.of(2026, 11, 29))).thenReturn(List.of(booking));

    new ServiceJobs(lock(true), bookings, payments, points, tags, reconciliation, clock)
        .appointmentReminders();

    verify(bookings).markReminded(no);
  }

  @Test
  void unpaidOrdersOlderThanTheTimeoutAreClosed() {
    new ServiceJobs(lock(true), bookings, payments, points, tags, reconciliation, clock)
        .closeUnpaidOrders();
    verify(payments).closeExpired(Instant.parse("2026-11-27T16:30:00Z"));
  }

  @Test
  void nothingRunsWhileAnotherInstanceHoldsTheLock() {
    ServiceJobs jobs =
        new ServiceJobs(lock(false), bookings, payments, points, tags, reconciliation, clock);
    jobs.appointmentReminders();
    jobs.closeUnpaidOrders();
    jobs.expirePoints();
    jobs.recomputeTags();
    jobs.dailyReconciliation();
    verify(bookings, never()).remindersDue(any());
    verify(reconciliation, never()).reconcile(any(), any());
    verify(payments, never()).closeExpired(any());
    verify(points, never()).expire(any());
    verify(tags, never()).recomputeAll();
    assertThat(ServiceJobs.ORDER_TIMEOUT).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void yesterdayInChinaTimeIsReconciledAndADifferenceIsReported() {
    // 2026-11-27 17:00 UTC is the 28th in China: yesterday is the 27th
    LocalDate day = LocalDate.of(2026, 11, 27);
    when(reconciliation.reconcile(day, java.util.Map.of()))
        .thenReturn(new ReconciliationReport(day, List.of(), List.of()));
    ServiceJobs jobs =
        new ServiceJobs(lock(true), bookings, payments, points, tags, reconciliation, clock);

    jobs.dailyReconciliation();

    verify(reconciliation).reconcile(day, java.util.Map.of());
    when(reconciliation.reconcile(day, java.util.Map.of()))
        .thenReturn(
            new ReconciliationReport(
                day,
                List.of(),
                List.of(
                    new ReconciliationReport.Difference(
                        ReconciliationReport.Kind.AMOUNT_DIFFERS,
                        io.gridbot.service.payment.PaymentChannel.WECHAT,
                        "P1",
                        null,
                        "order 30.00, ledger 3.00"))));
    assertThat(jobs.reconcile(day)).isFalse();
  }
}
