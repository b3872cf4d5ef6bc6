package io.gridbot.service.subscription;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The daily period in which a user does not want non-urgent notices, e.g. 22:00 to 07:00 in
 * Asia/Shanghai. The period starts at {@code start} (inclusive) and ends at {@code end} (exclusive)
 * and wraps around midnight when {@code end} is before {@code start}. Times are whole minutes.
 *
 * @param start when quiet hours begin, whole minutes
 * @param end when they end, whole minutes, different from {@code start}
 * @param zone the time zone the times are read in
 * @throws IllegalArgumentException if a time has seconds, the times are equal, or a part is null
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

  /** The time zone of the utility's customers. */
  public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  /** What a user has until they set their own: 22:00 to 07:00, China time. */
  public static final QuietHours DEFAULT = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));

  public QuietHours {
    if (start == null || end == null || zone == null) {
      throw new IllegalArgumentException("quiet hours need a start, an end and a time zone");
    }
    if (!start.equals(start.truncatedTo(ChronoUnit.MINUTES))
        || !end.equals(end.truncatedTo(ChronoUnit.MINUTES))) {
      throw new IllegalArgumentException("quiet hours are whole minutes: " + start + "-" + end);
    }
    if (start.equals(end)) {
      throw new IllegalArgumentException("quiet hours must not start and end at " + start);
    }
  }

  /** Quiet hours in China time. */
  public QuietHours(LocalTime start, LocalTime end) {
    this(start, end, CHINA);
  }

  /**
   * Parses {@code "22:00-07:00"} in China time.
   *
   * @throws IllegalArgumentException if the text is not two {@code HH:mm} times joined by a dash
   */
  public static QuietHours parse(String text) {
    Objects.requireNonNull(text, "text");
    String[] parts = text.trim().split("-");
    if (parts.length != 2) {
      throw new IllegalArgumentException("quiet hours look like 22:00-07:00, got " + text);
    }
    try {
      return new QuietHours(LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim()));
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("quiet hours look like 22:00-07:00, got " + text, e);
    }
  }

  /** Whether {@code at} falls in the quiet period. */
  public boolean contains(Instant at) {
    LocalTime time = at.atZone(zone).toLocalTime();
    if (start.isBefore(end)) {
      return !time.isBefore(start) && time.isBefore(end);
    }
    return !time.isBefore(start) || time.isBefore(end);
  }

  /**
   * When a notice that is due at {@code at} may be delivered: {@code at} itself outside quiet
   * hours, else the end of the quiet period that contains it.
   */
  public Instant nextAllowed(Instant at) {
    if (!contains(at)) {
      return at;
    }
    ZonedDateTime local = at.atZone(zone);
    ZonedDateTime endToday = local.toLocalDate().atTime(end).atZone(zone);
    return (endToday.isAfter(local) ? endToday : endToday.plusDays(1)).toInstant();
  }

  @Override
  public String toString() {
    return start + "-" + end + " " + zone.getId();
  }
}
