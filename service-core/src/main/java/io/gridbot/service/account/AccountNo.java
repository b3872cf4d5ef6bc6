package io.gridbot.service.account;

/**
 * An electricity account number (户号): exactly 10 or 13 ASCII digits.
 *
 * @param value the digits; never null
 * @throws IllegalArgumentException if the value is null or not 10 or 13 ASCII digits (full-width
 *     digits, spaces and letters are rejected; callers normalise user input first)
 */
public record AccountNo(String value) {

  public AccountNo {
    if (value == null) {
      throw new IllegalArgumentException("account number must not be null");
    }
    if (!isWellFormed(value)) {
      throw new IllegalArgumentException(
          "account number must be 10 or 13 ASCII digits, got " + value.length() + " characters");
    }
  }

  /** Whether {@code candidate} is a well-formed account number; null is not. */
  public static boolean isWellFormed(String candidate) {
    if (candidate == null || (candidate.length() != 10 && candidate.length() != 13)) {
      return false;
    }
    return candidate.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  /** The number for logs and messages: first four and last two digits, e.g. {@code 3300****01}. */
  public String masked() {
    return value.substring(0, 4) + "****" + value.substring(value.length() - 2);
  }

  @Override
  public String toString() {
    return value;
  }
}
