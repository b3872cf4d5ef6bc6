package io.gridbot.service.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Checks the last four digits of a registered phone without leaking them through timing. */
final class PhoneDigits {

  private static final byte[] NO_DIGITS = "????".getBytes(StandardCharsets.US_ASCII);

  private PhoneDigits() {}

  /**
   * Whether {@code typed} is exactly the last four digits of {@code registeredPhone}. Separators in
   * the registered phone ({@code +86 138-0000-0001}) are ignored; nothing in {@code typed} is.
   */
  static boolean lastFourMatch(String registeredPhone, String typed) {
    if (typed == null) {
      return false;
    }
    byte[] expected = lastFourDigits(registeredPhone);
    // compares in time that depends only on the expected length, which is always four
    boolean equal = MessageDigest.isEqual(expected, typed.getBytes(StandardCharsets.UTF_8));
    return equal && expected != NO_DIGITS;
  }

  private static byte[] lastFourDigits(String phone) {
    if (phone == null) {
      return NO_DIGITS;
    }
    String digits = phone.replaceAll("[^0-9]", "");
    if (digits.length() < 4) {
      return NO_DIGITS;
    }
    return digits.substring(digits.length() - 4).getBytes(StandardCharsets.US_ASCII);
  }
}
