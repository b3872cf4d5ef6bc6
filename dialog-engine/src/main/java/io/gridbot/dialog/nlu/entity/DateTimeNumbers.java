package io.gridbot.dialog.nlu.entity;

/**
 * Reads the small numbers found in dates, clock times and durations: ASCII digits, Chinese digits
 * written one by one (二〇二六) and Chinese numerals with 十 and 百 (十二, 二十三, 一百零五, 两).
 */
final class DateTimeNumbers {

  private DateTimeNumbers() {}

  /** The value of {@code s}, or -1 when it is empty or not a number of these forms. */
  static int parse(String s) {
    if (s == null || s.isEmpty()) {
      return -1;
    }
    if (s.indexOf('十') < 0 && s.indexOf('百') < 0) {
      return digitByDigit(s);
    }
    return withUnits(s);
  }

  private static int digitByDigit(String s) {
    if (s.length() > 6) {
      return -1;
    }
    int value = 0;
    for (int i = 0; i < s.length(); i++) {
      int d = digit(s.charAt(i));
      if (d < 0) {
        return -1;
      }
      value = value * 10 + d;
    }
    return value;
  }

  private static int withUnits(String s) {
    int total = 0;
    int pending = -1;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int d = digit(c);
      if (d >= 0) {
        if (pending > 0) {
          return -1; // two digits in a row without a unit: not a numeral we know
        }
        pending = d;
      } else if (c == '十' || c == '百') {
        int unit = c == '十' ? 10 : 100;
        total += (pending < 0 ? 1 : pending) * unit;
        pending = -1;
      } else {
        return -1;
      }
    }
    return total + Math.max(pending, 0);
  }

  private static int digit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    return switch (c) {
      case '零', '〇' -> 0;
      case '一' -> 1;
      case '二', '两' -> 2;
      case '三' -> 3;
      case '四' -> 4;
      case '五' -> 5;
      case '六' -> 6;
      case '七' -> 7;
      case '八' -> 8;
      case '九' -> 9;
      default -> -1;
    };
  }
}
