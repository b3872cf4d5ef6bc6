package io.gridbot.service.complaint;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * A complaint number as customers read it: {@code TS}, the Beijing date it was filed ({@code
 * yyyyMMdd}) and the day's sequence, at least four digits ({@code TS202611270001}).
 *
 * @param value {@code TS} and 12 to 14 ASCII digits
 * @throws IllegalArgumentException if the value is null or malformed
 */
public record ComplaintNo(String value) {

  private static final Pattern WELL_FORMED = Pattern.compile("TS[0-9]{12,14}");
  static final int MAX_SEQUENCE = 999_999;

  public ComplaintNo {
    if (value == null || !WELL_FORMED.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "complaint number must be TS and 12 to 14 digits, got " + value);
    }
  }

  /**
   * The number of the day's {@code sequence}th complaint.
   *
   * @throws IllegalArgumentException if the sequence is not 1 to 999999
   */
  public static ComplaintNo of(LocalDate day, int sequence) {
    if (sequence < 1 || sequence > MAX_SEQUENCE) {
      throw new IllegalArgumentException("sequence must be 1 to " + MAX_SEQUENCE + ": " + sequence);
    }
    return new ComplaintNo(
        "TS" + DateTimeFormatter.BASIC_ISO_DATE.format(day) + String.format("%04d", sequence));
  }

  @Override
  public String toString() {
    return value;
  }
}
