package io.gridbot.service.outage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Times as customers in China read them: Beijing time, the date only when it is not today. */
public final class ChinaTime {

  /** The utility's time zone; ticket numbers and customer texts use its dates. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("M月d日HH:mm");

  private ChinaTime() {}

  /**
   * {@code 18:00} if {@code at} falls on the same Beijing day as {@code now}, else {@code
   * 11月28日18:00}.
   */
  public static String format(Instant at, Instant now) {
    ZonedDateTime local = at.atZone(ZONE);
    return dayOf(now).equals(local.toLocalDate()) ? TIME.format(local) : DATE_TIME.format(local);
  }

  /** {@code 11月28日18:00}, always with the date. */
  public static String formatWithDate(Instant at) {
    return DATE_TIME.format(at.atZone(ZONE));
  }

  /** The Beijing calendar day of {@code at}. */
  public static LocalDate dayOf(Instant at) {
    return at.atZone(ZONE).toLocalDate();
  }
}
