package io.gridbot.service.points;

import java.security.SecureRandom;

/**
 * Bill coupon codes: {@code QD} and 10 characters from an alphabet without look-alikes (no 0/O,
 * 1/I/L), so that they can be read out on the phone. 31^10 (about 8·10^14) codes: guessing one is
 * hopeless.
 */
final class CouponCodes {

  static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  private static final int LENGTH = 10;
  private static final SecureRandom RANDOM = new SecureRandom();

  private CouponCodes() {}

  static String next() {
    StringBuilder code = new StringBuilder("QD");
    for (int i = 0; i < LENGTH; i++) {
      code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }
}
