package io.gridbot.service.points;

import java.util.regex.Pattern;

/** Checks request ids and references before they reach the ledger's unique keys. */
final class References {

  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9:_.\\-]{1,64}");

  private References() {}

  /**
   * @throws IllegalArgumentException if {@code value} is null or not 1 to 64 of {@code
   *     [A-Za-z0-9:_.-]}
   */
  static String require(String value, String name) {
    if (value == null || !VALID.matcher(value).matches()) {
      throw new IllegalArgumentException(
          name
              + " must be 1 to 64 of [A-Za-z0-9:_.-], got "
              + (value == null ? "null" : value.length() + " characters"));
    }
    return value;
  }
}
