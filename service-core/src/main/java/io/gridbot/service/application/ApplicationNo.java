package io.gridbot.service.application;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * An application number (申请编号): {@code A}, the submission day as {@code yyyyMMdd}, then 8 random
 * digits, e.g. {@code A2026112730518842}.
 *
 * @throws IllegalArgumentException if the value is null or malformed
 */
public record ApplicationNo(String value) {

  private static final Pattern FORMAT = Pattern.compile("A\\d{16}");
  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
  private static final RandomGenerator RANDOM = new SecureRandom();

  public ApplicationNo {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("application number must be A followed by 16 digits");
    }
  }

  /** A fresh number for an application submitted on {@code day}. */
  static ApplicationNo next(LocalDate day) {
    return new ApplicationNo(
        "A" + day.format(DAY) + String.format("%08d", RANDOM.nextInt(100_000_000)));
  }

  @Override
  public String toString() {
    return value;
  }
}
