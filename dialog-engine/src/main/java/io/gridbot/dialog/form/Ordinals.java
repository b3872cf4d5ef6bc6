package io.gridbot.dialog.form;

import io.gridbot.dialog.nlu.TextNormalizer;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads an answer that picks an offered option by position: "1", "2号", "第二个", "选3", "最后一个". */
public final class Ordinals {

  private static final Pattern PICK =
      Pattern.compile(
          "^(?:我)?(?:选|要|选择|就)?(?:第)?([0-9]{1,2}|[一二两三四五六七八九十])(?:个|项|号|条|种|家|位)?(?:吧|的|。|！|!|\\.)*$");
  private static final String DIGITS = "一二三四五六七八九";

  private Ordinals() {}

  /**
   * The 1-based position an answer picks among {@code count} options, if it is such an answer and
   * in range.
   */
  public static OptionalInt pick(String answer, int count) {
    String t = TextNormalizer.toHalfWidth(answer).strip().replaceAll("\\s+", "");
    if (t.matches("^(?:选|要)?最后(?:一个|一项|那个)?$")) {
      return count >= 1 ? OptionalInt.of(count) : OptionalInt.empty();
    }
    Matcher m = PICK.matcher(t);
    if (!m.matches()) {
      return OptionalInt.empty();
    }
    String n = m.group(1);
    int value;
    if (Character.isDigit(n.charAt(0))) {
      value = Integer.parseInt(n);
    } else if (n.equals("十")) {
      value = 10;
    } else if (n.equals("两")) {
      value = 2;
    } else {
      value = DIGITS.indexOf(n.charAt(0)) + 1;
    }
    return value >= 1 && value <= count ? OptionalInt.of(value) : OptionalInt.empty();
  }
}
