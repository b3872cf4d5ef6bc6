package io.gridbot.service.appointment;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * A booking number (预约号): {@code B}, the booking day as {@code yyyyMMdd}, then 8 random digits,
 * e.g. {@code B2026112704718233}. Random, so that numbers cannot be guessed from each other.
 *
 * @throws IllegalArgumentException if the value is null or malformed
 */
public record BookingNo(String value) {

  private static final Pattern FORMAT = Pattern.compile("B\\d{16}");
  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
  private static final RandomGenerator RANDOM = new SecureRandom();

  public BookingNo {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("booking number must be B followed by 16 digits");
    }
  }

  /** A fresh number for a booking made on {@code day}. */
  static BookingNo next(LocalDate day) {
    return new BookingNo(
        "B" + day.format(DAY) + String.format("%08d", RANDOM.nextInt(100_000_000)));
  }

  @Override
  public String toString() {
    return value;
  }
}
