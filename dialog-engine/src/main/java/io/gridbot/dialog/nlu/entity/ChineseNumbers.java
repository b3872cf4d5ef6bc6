package io.gridbot.dialog.nlu.entity;

import cn.hutool.core.convert.NumberChineseFormatter;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Chinese numerals as customers write them: lower-case (一百二十三, 两百五, 一万五), financial capitals (壹佰,
 * 贰仟), traditional forms (兩, 萬) and a decimal part after 点 (一百二十三点五). Integers below one hundred
 * million only; amounts never need more.
 */
final class ChineseNumbers {

  /** Every character that may occur in a Chinese integer, in any of the accepted forms. */
  static final String NUMERAL_CHARS = "零〇一二两兩三四五六七八九十百千万萬壹贰貳叁參肆伍陆陸柒捌玖拾佰仟";

  /** Characters that multiply (十 excluded: 二十 reads like a day of the month just as easily). */
  private static final String LARGE_UNITS = "百千万萬佰仟";

  private static final String DIGITS = "零一二三四五六七八九";
  private static final String CAPITAL_DIGITS = "零壹贰叁肆伍陆柒捌玖";
  private static final int MAX_LENGTH = 20;

  private static final Pattern WELL_FORMED = wellFormed();

  private ChineseNumbers() {}

  /**
   * The value of one digit character, Arabic or Chinese (零〇一二两兩三…九, 壹贰…玖), or -1 if {@code c} is no
   * digit. 十 is not a digit.
   */
  static int digit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    char canonical = canonical(c);
    if (canonical == '两') {
      return 2;
    }
    int lower = DIGITS.indexOf(canonical);
    return lower >= 0 ? lower : CAPITAL_DIGITS.indexOf(canonical);
  }

  static boolean isNumeral(char c) {
    return NUMERAL_CHARS.indexOf(c) >= 0;
  }

  /** Whether the numeral holds 百, 千 or 万 (in any form). */
  static boolean hasLargeUnit(CharSequence numeral) {
    for (int i = 0; i < numeral.length(); i++) {
      if (LARGE_UNITS.indexOf(numeral.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Parses a well-formed Chinese integer such as 一百二十三, 两百五 (250), 一万五 (15000), 三千零五, 壹佰, 兩百.
   *
   * @return the value, or null when {@code numeral} is not a well-formed integer (五五, 百百, 万一)
   */
  static BigDecimal parseInteger(String numeral) {
    if (numeral.isEmpty() || numeral.length() > MAX_LENGTH) {
      return null;
    }
    String canonical = canonical(numeral);
    if (!WELL_FORMED.matcher(canonical).matches()) {
      return null;
    }
    if (canonical.length() == 1 && digit(canonical.charAt(0)) >= 0) {
      return BigDecimal.valueOf(digit(canonical.charAt(0)));
    }
    // the grammar above only lets through what hutool reads correctly
    return BigDecimal.valueOf(NumberChineseFormatter.chineseToNumber(canonical));
  }

  /**
   * Parses an integer followed by the digits after 点: (一百二十三, 五) is 123.5.
   *
   * @return the value, or null when either part is malformed
   */
  static BigDecimal parseDecimal(String integer, String fraction) {
    BigDecimal whole = parseInteger(integer);
    if (whole == null || fraction.isEmpty() || fraction.length() > MAX_LENGTH) {
      return null;
    }
    StringBuilder digits = new StringBuilder(fraction.length());
    for (int i = 0; i < fraction.length(); i++) {
      int d = digit(fraction.charAt(i));
      if (d < 0) {
        return null;
      }
      digits.append((char) ('0' + d));
    }
    return whole.add(new BigDecimal("0." + digits));
  }

  private static String canonical(String numeral) {
    StringBuilder sb = new StringBuilder(numeral.length());
    for (int i = 0; i < numeral.length(); i++) {
      sb.append(canonical(numeral.charAt(i)));
    }
    return sb.toString();
  }

  /** Traditional and variant forms to those hutool knows. */
  private static char canonical(char c) {
    return switch (c) {
      case '兩' -> '两';
      case '萬' -> '万';
      case '貳' -> '贰';
      case '參' -> '叁';
      case '陸' -> '陆';
      case '〇' -> '零';
      default -> c;
    };
  }

  /**
   * The grammar of a Chinese integer below 一亿, abbreviated forms included (两百五 = 250, 一万五 = 15000,
   * 三千二 = 3200). Malformed runs (百百, 一二三, 万一) do not match, so hutool never sees them: it would
   * read 百百 as 100.
   */
  private static Pattern wellFormed() {
    String d = "[一二两三四五六七八九壹贰叁肆伍陆柒捌玖]";
    String z = "零";
    String t = "[十拾]";
    String b = "[百佰]";
    String q = "[千仟]";
    String tens = d + "?" + t + d + "?|" + d; // 十五, 二十, 五
    String innerTens = d + t + d + "?|" + d; // after 零: 零五十, 零五
    String hundreds = d + b + "(?:" + d + t + d + "?|" + z + d + "|" + d + ")?";
    String thousands =
        d + q + "(?:" + hundreds + "|" + z + "(?:" + innerTens + ")|" + d + ")?"; // 三千五, 一千零五十
    String section = "(?:" + thousands + "|" + hundreds + "|" + tens + ")";
    String afterWan =
        "(?:" + thousands + "|" + z + "?(?:" + hundreds + ")|" + z + "(?:" + innerTens + ")|" + d
            + ")";
    return Pattern.compile(z + "|" + section + "(?:万" + afterWan + "?)?");
  }
}
