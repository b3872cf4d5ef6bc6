package io.gridbot.service.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Read-only figures and lists for the staff console; changes nothing. */
public interface ReportService {

  /** The figures of that day, China time. */
  DailyFigures day(LocalDate day);

  /**
   * Bookings, latest slot first.
   *
   * @param state a booking state ({@code BOOKED} …) or null for all
   * @param limit 1 to 500
   */
  List<Listings.ListedBooking> bookings(String state, int limit);

  /**
   * Applications, latest first.
   *
   * @param state an application state ({@code SUBMITTED} …) or null for all
   * @param limit 1 to 500
   */
  List<Listings.ListedApplication> applications(String state, int limit);

  /**
   * How notices went out since {@code since}.
   *
   * @param limit how many problems at most, 1 to 500
   */
  NoticeFigures notices(Instant since, int limit);

  /** How many deliveries of a notice there are, by delivery state (QUEUED, SENT, …). */
  Map<String, Long> deliveries(String noticeKey);
}
