package io.gridbot.app.staff;

import io.gridbot.service.application.ApplicationState;
import io.gridbot.service.appointment.BookingState;
import io.gridbot.service.outage.OutageNotFound;
import io.gridbot.service.outage.OutageService;
import io.gridbot.service.report.DailyFigures;
import io.gridbot.service.report.Listings;
import io.gridbot.service.report.NoticeFigures;
import io.gridbot.service.report.ReportService;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the staff console shows besides single records: today's figures, lists of bookings and
 * applications by state, and how far an outage's notice has gone out. Read only.
 */
@RestController
@RequestMapping("/api/staff")
class ReportStaffController {

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final ReportService reports;
  private final OutageService outages;

  ReportStaffController(ReportService reports, OutageService outages) {
    this.reports = reports;
    this.outages = outages;
  }

  /** {@link DailyFigures} with the robot's share computed; {@code robotResolvedShare} 0..1. */
  record Dashboard(
      LocalDate day,
      long conversations,
      Double robotResolvedShare,
      long handoffs,
      long waiting,
      Map<String, Long> ticketsByState,
      long payments,
      BigDecimal paymentAmount) {
    static Dashboard of(DailyFigures f) {
      return new Dashboard(
          f.day(),
          f.conversations(),
          f.robotResolvedShare(),
          f.handoffs(),
          f.waiting(),
          f.ticketsByState(),
          f.payments(),
          f.paymentAmount());
    }
  }

  /**
   * @param accounts active accounts in the outage's areas
   * @param deliveries the published notice's deliveries by state (SENT, QUEUED, RETRY, FAILED …)
   * @param notified deliveries SENT so far
   */
  record OutageReach(long outageId, long accounts, Map<String, Long> deliveries, long notified) {}

  /** Today's figures (China time), or those of {@code day}. */
  @GetMapping("/dashboard")
  Dashboard dashboard(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate day) {
    return Dashboard.of(reports.day(day == null ? LocalDate.now(CHINA) : day));
  }

  @GetMapping("/bookings")
  List<Listings.ListedBooking> bookings(
      @RequestParam(required = false) String state, @RequestParam(defaultValue = "50") int limit) {
    return reports.bookings(state(state, BookingState.values()), Math.min(Math.max(limit, 1), 500));
  }

  @GetMapping("/applications")
  List<Listings.ListedApplication> applications(
      @RequestParam(required = false) String state, @RequestParam(defaultValue = "50") int limit) {
    return reports.applications(
        state(state, ApplicationState.values()), Math.min(Math.max(limit, 1), 500));
  }

  /** How many customers the outage's published notice reached so far. */
  @GetMapping("/outages/{id}/reach")
  OutageReach reach(@PathVariable long id) {
    if (outages.find(id).isEmpty()) {
      throw new OutageNotFound(id);
    }
    Map<String, Long> deliveries = reports.deliveries("outage:" + id + ":published");
    return new OutageReach(
        id, outages.affectedAccountCount(id), deliveries, deliveries.getOrDefault("SENT", 0L));
  }

  /**
   * How notices went out in the last {@code hours} (1 to 168): what waits in the outbox, deliveries
   * by state, and the latest that did not reach their customer with the channel's reason.
   */
  @GetMapping("/notifications")
  NoticeFigures notifications(
      @RequestParam(defaultValue = "24") int hours, @RequestParam(defaultValue = "50") int limit) {
    if (hours < 1 || hours > 168) {
      throw new InvalidField("hours", "must be 1 to 168");
    }
    if (limit < 1 || limit > 500) {
      throw new InvalidField("limit", "must be 1 to 500");
    }
    return reports.notices(Instant.now().minus(Duration.ofHours(hours)), limit);
  }

  /** The name of one of {@code states}, or null for all. */
  private static String state(String state, Enum<?>[] states) {
    if (state == null || state.isBlank()) {
      return null;
    }
    for (Enum<?> known : states) {
      if (known.name().equals(state)) {
        return state;
      }
    }
    throw new InvalidField("state", "must be one of " + Arrays.toString(states));
  }
}
