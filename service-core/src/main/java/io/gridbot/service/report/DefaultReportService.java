package io.gridbot.service.report;

import io.gridbot.service.application.ApplicationState;
import io.gridbot.service.appointment.BookingState;
import io.gridbot.service.outage.ChinaTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class DefaultReportService implements ReportService {

  private static final ZoneId CHINA = ChinaTime.ZONE;
  private static final Set<String> BOOKING_STATES = names(BookingState.values());
  private static final Set<String> APPLICATION_STATES = names(ApplicationState.values());

  private final ReportMapper reports;

  DefaultReportService(ReportMapper reports) {
    this.reports = reports;
  }

  @Override
  public DailyFigures day(LocalDate day) {
    Instant from = day.atStartOfDay(CHINA).toInstant();
    Instant to = day.plusDays(1).atStartOfDay(CHINA).toInstant();
    Map<String, Long> tickets = new TreeMap<>();
    reports.ticketsByState(from, to).forEach(c -> tickets.put(c.state(), c.count()));
    ReportMapper.PaymentTotal paid = reports.paid(from, to);
    return new DailyFigures(
        day,
        reports.countConversations(from, to),
        reports.countHandedOff(from, to),
        reports.countHandoffs(from, to),
        reports.countWaiting(),
        tickets,
        paid.count(),
        paid.amount());
  }

  @Override
  public List<Listings.ListedBooking> bookings(String state, int limit) {
    return reports.bookings(checked(state, BOOKING_STATES), checkedLimit(limit));
  }

  @Override
  public List<Listings.ListedApplication> applications(String state, int limit) {
    return reports.applications(checked(state, APPLICATION_STATES), checkedLimit(limit));
  }

  @Override
  public NoticeFigures notices(Instant since, int limit) {
    java.util.Objects.requireNonNull(since, "since");
    ReportMapper.Backlog backlog = reports.outboxBacklog();
    Map<String, Long> states = new TreeMap<>();
    reports.deliveriesSince(since).forEach(c -> states.put(c.state(), c.count()));
    List<NoticeFigures.Problem> problems =
        reports.deliveryProblems(since, checkedLimit(limit)).stream()
            .map(
                p ->
                    new NoticeFigures.Problem(
                        p.channel(),
                        masked(p.user()),
                        p.noticeKey(),
                        p.kind(),
                        p.state(),
                        p.attempts(),
                        p.error(),
                        p.at()))
            .toList();
    return new NoticeFigures(since, backlog.pending(), backlog.oldest(), states, problems);
  }

  /** Keeps the first 4 and last 2 characters of a channel user id (an openid, a session id). */
  static String masked(String userId) {
    if (userId == null || userId.length() <= 6) {
      return "***";
    }
    return userId.substring(0, 4) + "***" + userId.substring(userId.length() - 2);
  }

  @Override
  public Map<String, Long> deliveries(String noticeKey) {
    Map<String, Long> counts = new TreeMap<>();
    reports.deliveries(noticeKey).forEach(c -> counts.put(c.state(), c.count()));
    return counts;
  }

  private static Set<String> names(Enum<?>[] states) {
    Set<String> names = new java.util.LinkedHashSet<>();
    for (Enum<?> state : states) {
      names.add(state.name());
    }
    return java.util.Collections.unmodifiableSet(names);
  }

  private static String checked(String state, Set<String> allowed) {
    if (state == null || state.isBlank()) {
      return null;
    }
    if (!allowed.contains(state)) {
      throw new IllegalArgumentException("unknown state " + state + "; one of " + allowed);
    }
    return state;
  }

  private static int checkedLimit(int limit) {
    if (limit < 1 || limit > 500) {
      throw new IllegalArgumentException("limit must be 1 to 500, got " + limit);
    }
    return limit;
  }
}
