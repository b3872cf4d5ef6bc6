package io.gridbot.service.payment;

import java.util.regex.Pattern;

/**
 * A payment order's id as WeChat Pay and Alipay see it ({@code out_trade_no}): {@code P}, the
 * creation time as {@code yyyyMMddHHmmss} in the business time zone, and eight random digits — 23
 * ASCII characters, within both platforms' limits (WeChat Pay: 6 to 32 of letters, digits, {@code
 * _-|*}; Alipay: up to 64 of letters, digits, underscore).
 *
 * @param value the id; never null
 * @throws IllegalArgumentException if the value is not {@code P} followed by 22 ASCII digits
 */
public record OutTradeNo(String value) {

  private static final Pattern FORMAT = Pattern.compile("P[0-9]{22}");

  public OutTradeNo {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "out_trade_no must be P followed by 22 ASCII digits, got "
              + (value == null ? "null" : value.length() + " characters"));
    }
  }

  /** Whether {@code candidate} is a well-formed id; null is not. */
  public static boolean isWellFormed(String candidate) {
    return candidate != null && FORMAT.matcher(candidate).matches();
  }

  @Override
  public String toString() {
    return value;
  }
}
