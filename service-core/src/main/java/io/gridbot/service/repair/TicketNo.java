package io.gridbot.service.repair;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * A repair ticket number as customers read it: {@code R}, the Beijing date it was reported ({@code
 * yyyyMMdd}) and the day's sequence, at least four digits ({@code R202611270001}).
 *
 * @param value {@code R} and 12 to 14 ASCII digits
 * @throws IllegalArgumentException if the value is null or malformed
 */
public record TicketNo(String value) {

  private static final Pattern WELL_FORMED = Pattern.compile("R[0-9]{12,14}");
  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
  static final int MAX_SEQUENCE = 999_999;

  public TicketNo {
    if (value == null || !WELL_FORMED.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "ticket number must be R and 12 to 14 digits, got " + value);
    }
  }

  /**
   * The number of the day's {@code sequence}th ticket.
   *
   * @throws IllegalArgumentException if the sequence is not 1 to 999999
   */
  public static TicketNo of(LocalDate day, int sequence) {
    if (sequence < 1 || sequence > MAX_SEQUENCE) {
      throw new IllegalArgumentException("sequence must be 1 to " + MAX_SEQUENCE + ": " + sequence);
    }
    return new TicketNo("R" + DAY.format(day) + String.format("%04d", sequence));
  }

  /** Whether {@code candidate} is a well-formed ticket number; null is not. */
  public static boolean isWellFormed(String candidate) {
    return candidate != null && WELL_FORMED.matcher(candidate).matches();
  }

  @Override
  public String toString() {
    return value;
  }
}
