package io.gridbot.dialog.nlu.entity;

import io.gridbot.dialog.nlu.Entity;
import io.gridbot.dialog.nlu.EntityExtractor;
import io.gridbot.dialog.nlu.TextNormalizer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds sums of money in Chinese chat text as {@value #ENTITY} entities whose value is yuan with
 * exactly two decimal places ({@code 100.00}, {@code 0.50}).
 *
 * <p>A number is a sum of money when
 *
 * <ul>
 *   <li>a currency unit follows it: 100元, 100块钱, 80.5元, 1,000元, 一百块, 二百五十元, 壹佰圆, 一块五 (1.50), 三块八毛
 *       (3.80), 五毛 (0.50), 五百多块 (500.00), 100rmb;
 *   <li>a currency sign precedes it: ￥80, ¥ 80, RMB100;
 *   <li>it follows a payment word: 交100, 充值300, 帮我交个两百, 电费是80;
 *   <li>or it is written with 百, 千, 万, k or w and stands on its own: 两百五, 三千, 一万五, 1.5千, 2万, 3k,
 *       1.2w.
 * </ul>
 *
 * <p>Other bare numbers are not amounts, nor are numbers followed by a measure word (100度, 3栋, 2单元,
 * 10月5号, 三点半), percentages, digit runs joined by separators (138-1234-5678, 10:30), numbers after 第
 * or 周, or sums above 1,000,000 yuan (phone and account numbers). The span covers the number with
 * its currency sign or unit, never the payment word. Full-width characters are read as ASCII; spans
 * refer to the original text.
 *
 * <p>Thread-safe and stateless. {@link #extract} never throws: any input it cannot read yields no
 * amount.
 */
public final class AmountExtractor implements EntityExtractor {

  /** The entity name. */
  public static final String ENTITY = "amount";

  private static final BigDecimal MAX = BigDecimal.valueOf(1_000_000);
  private static final BigDecimal JIAO = new BigDecimal("0.1");
  private static final BigDecimal FEN = new BigDecimal("0.01");
  private static final int MAX_ARABIC_DIGITS = 12;
  private static final int MAX_DECIMALS = 4; // with a multiplier: 1.2345万

  private static final Pattern NUMBER =
      Pattern.compile(
          "(?<ar>[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9]+)(?<frac>\\.[0-9]+)?"
              + "|(?<cn>["
              + ChineseNumbers.NUMERAL_CHARS
              + "]+)(?:[点點](?<cnfrac>[零〇一二三四五六七八九]+))?");

  /** Words right before a bare number that is a sum to pay: 交100, 充值300, 电费是80. */
  private static final String[] PAYMENT_WORDS = {
    "充值", "缴纳", "繳納", "预存", "預存", "转账", "轉帳", "金额", "金額", "余额", "餘額", "交", "缴", "繳", "充", "付", "费",
    "費", "款", "欠"
  };

  /** Fillers between the payment word and the number: 交了100, 交个两百, 余额还有50. */
  private static final String[] PAYMENT_FILLERS = {
    "是", "为", "為", "了", "个", "個", "上", "下", "一下", "掉", "共", "一共", "总共", "總共", "才", "就", "还有", "還有",
    "还剩", "還剩", "只有", "不足", "不到"
  };

  private static final Pattern PAYMENT_CONTEXT =
      Pattern.compile(
          "(?:"
              + String.join("|", PAYMENT_WORDS)
              + ")(?:"
              + String.join("|", PAYMENT_FILLERS)
              + ")? ?$");

  /** The last characters of payment words and fillers: a cheap test before the regex. */
  private static final String PAYMENT_CONTEXT_ENDS = lastCharacters(PAYMENT_WORDS, PAYMENT_FILLERS);

  private static final int CONTEXT_WINDOW = 8;

  private static final String[] YUAN_UNITS = {"块钱", "塊錢", "块", "塊", "元", "圆", "圓", "人民币", "人民幣"};
  private static final String[] LATIN_CURRENCIES = {"rmb", "cny"};
  private static final String SMALL_CHANGE_AFTER = "块塊元圆圓";

  /** Separators that join digit groups into something else: 138-1234, 10:30, 2026/10/5, 3.5.1. */
  private static final String SEPARATORS = ".:-/~";

  /** Measure words and time units: a number followed by one of these counts something else. */
  private static final String MEASURES =
      "度个個位只条條张張件本台辆輛部间間套家户戶层層楼樓栋棟幢座号號次回遍趟天日月年周週点點时時分秒"
          + "瓦伏斤克米平亩畝岁歲人名笔筆份项項页頁倍成期批届屆级級路下半些样樣字单單室块塊元毛角折轮輪季寸升吨噸";

  /** Characters after which a number belongs to a date or time (周三, 初五), not a sum. */
  private static final String DATE_BEFORE = "周週初";

  /** The same after a number: 10月5号, 明天10点30, 2026年三千 (but 一个月两百 is a sum). */
  private static final String DATE_UNITS = "年月号號日点點";

  private static final String FOLLOW_PARTICLES = "吧啊呀吗嗎嘛呢了哈啦哦喔噢就给給到够夠行可";
  private static final String[] FOLLOW_WORDS = {"左右", "的话", "的話", "电费", "電費", "费", "費"};

  /** Creates the extractor; it holds no state and may be shared. */
  public AmountExtractor() {}

  /**
   * The amounts in {@code text}, in order of appearance.
   *
   * @param text the message; null or empty yields no amount
   * @param at ignored: amounts do not depend on time
   */
  @Override
  public List<Entity> extract(String text, Instant at) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    return find(text);
  }

  static List<Entity> find(String text) {
    String s = normalise(text);
    if (!mayHoldNumber(s)) {
      return List.of();
    }
    List<Entity> found = new ArrayList<>(2);
    Matcher m = NUMBER.matcher(s);
    int next = 0;
    while (m.find()) {
      if (m.start() < next) {
        continue;
      }
      Num n = m.group("ar") != null ? arabic(s, m) : chinese(m);
      if (n == null) {
        next = m.end();
        continue;
      }
      next = n.end();
      Entity amount = amount(text, s, n);
      if (amount != null) {
        found.add(amount);
        next = Math.max(next, amount.end());
      }
    }
    return found;
  }

  /** Full-width forms to ASCII (so １，０００ groups like 1,000), both yen signs to '¥'. */
  private static String normalise(String text) {
    return TextNormalizer.toHalfWidth(text).replace('\uFFE5', '¥');
  }

  private static boolean mayHoldNumber(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (isAsciiDigit(s.charAt(i)) || ChineseNumbers.isNumeral(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** A number as written: its extent in the text and its value. */
  private record Num(
      int start, int end, BigDecimal value, boolean large, boolean singleChineseDigit) {}

  private static Num arabic(String s, Matcher m) {
    String digits = m.group("ar").replace(",", "");
    String frac = m.group("frac");
    int end = m.end();
    if (digits.length() > MAX_ARABIC_DIGITS
        || (frac != null && frac.length() > MAX_DECIMALS + 1)
        || joinedToMore(s, end)) {
      return null;
    }
    BigDecimal value = new BigDecimal(frac == null ? digits : digits + frac);
    int multiplier = magnitude(s, end);
    if (multiplier == 0) {
      // fen is the smallest unit: 0.538元 is a rate, not a sum
      return frac != null && frac.length() > 3
          ? null
          : new Num(m.start(), end, value, false, false);
    }
    value = value.multiply(BigDecimal.valueOf(multiplier));
    end++;
    if (frac == null && end < s.length()) {
      // 2万5 is 25000, 3千5 is 3500; 2万5千 spells the unit out
      int tail = ChineseNumbers.digit(s.charAt(end));
      int after = end + 1;
      if (after < s.length() && s.charAt(after) == spelledTailUnit(multiplier)) {
        after++;
      }
      if (tail > 0 && !continuesNumber(s, after)) {
        value = value.add(BigDecimal.valueOf((long) tail * multiplier / 10));
        end = after;
      }
    }
    if (continuesNumber(s, end)) {
      return null; // 1百万, 2万5000: not a way sums are written
    }
    return new Num(m.start(), end, value, true, false);
  }

  private static Num chinese(Matcher m) {
    String numeral = m.group("cn");
    String frac = m.group("cnfrac");
    BigDecimal value =
        frac == null
            ? ChineseNumbers.parseInteger(numeral)
            : ChineseNumbers.parseDecimal(numeral, frac);
    if (value == null) {
      return null;
    }
    boolean single =
        frac == null && numeral.length() == 1 && ChineseNumbers.digit(numeral.charAt(0)) >= 0;
    return new Num(m.start(), m.end(), value, ChineseNumbers.hasLargeUnit(numeral), single);
  }

  /** The multiplier written right after an Arabic number (1.5千, 2万, 3k, 1.2w), or 0. */
  private static int magnitude(String s, int i) {
    if (i >= s.length()) {
      return 0;
    }
    boolean letterAfter = i + 1 < s.length() && isAsciiLetter(s.charAt(i + 1));
    return switch (s.charAt(i)) {
      case '百', '佰' -> 100;
      case '千', '仟' -> 1_000;
      case '万', '萬' -> 10_000;
      case 'k', 'K' -> letterAfter ? 0 : 1_000; // 3kw, 3kg are no sums
      case 'w' -> letterAfter ? 0 : 10_000; // upper-case W is watts
      default -> 0;
    };
  }

  private static char spelledTailUnit(int multiplier) {
    return switch (multiplier) {
      case 10_000 -> '千';
      case 1_000 -> '百';
      default -> '十';
    };
  }

  private static Entity amount(String text, String s, Num n) {
    int prefix = currencyPrefixStart(s, n.start());
    int p = n.end();
    if (p < s.length()
        && (s.charAt(p) == '多' || s.charAt(p) == '余')
        && !s.startsWith("多少", p)
        && !s.startsWith("余额", p)) {
      p++; // 五百多块: about 500
    }
    int u = p < s.length() && s.charAt(p) == ' ' ? p + 1 : p;
    int yuan = yuanUnitLength(s, u);
    // with a unit, 100-200元 is a range; without one, 138-1234 is part of a phone number
    if (prefix < 0 && badBefore(s, n.start(), yuan == 0)) {
      return null;
    }
    if (yuan > 0) {
      return yuan(text, s, n, prefix >= 0 ? prefix : n.start(), u, yuan, p != n.end());
    }
    Entity change = smallChangeOnly(text, s, n, u);
    if (change != null) {
      return change;
    }
    if (prefix >= 0) {
      return badAfter(s, n.end()) ? null : entity(text, prefix, n.end(), n.value());
    }
    if (dateBefore(s, n.start())) {
      return null;
    }
    if (paymentContext(s, n.start())) {
      boolean fits = n.singleChineseDigit() ? goodAfter(s, p) : !badAfter(s, p);
      return fits ? entity(text, n.start(), p, n.value()) : null;
    }
    return n.large() && goodAfter(s, p) ? entity(text, n.start(), p, n.value()) : null;
  }

  /** 100元, 一块五, 三块八毛, 五百多块; null when it reads as something else (两块电池). */
  private static Entity yuan(
      String text, String s, Num n, int start, int unitStart, int unitLength, boolean about) {
    BigDecimal value = n.value();
    int end = unitStart + unitLength;
    boolean change = false;
    if (unitLength == 1
        && SMALL_CHANGE_AFTER.indexOf(s.charAt(unitStart)) >= 0
        && !about
        && isWhole(value)) {
      Change c = change(s, end, true);
      if (c != null) {
        value = value.add(c.value());
        end = c.end();
        change = true;
      } else if (end < s.length() && (s.charAt(end) == '钱' || s.charAt(end) == '錢')) {
        end++; // 元钱
      }
    }
    boolean bareKuai = s.charAt(unitStart) == '块' || s.charAt(unitStart) == '塊';
    if (bareKuai
        && unitLength == 1
        && !change
        && value.compareTo(BigDecimal.TEN) < 0
        && !goodAfter(s, end)) {
      return null; // 两块电表, 一块去: 块 counts things or means "together"
    }
    return entity(text, start, end, value);
  }

  /** 五毛, 5毛钱, 三角钱, 五分钱: a single digit of jiao or fen without yuan. */
  private static Entity smallChangeOnly(String text, String s, Num n, int u) {
    if (n.singleChineseDigit() || (isWhole(n.value()) && n.end() - n.start() == 1)) {
      int d = n.value().intValue();
      if (d < 1 || d > 9 || u >= s.length()) {
        return null;
      }
      if (s.startsWith("分钱", u) || s.startsWith("分錢", u)) {
        return entity(text, n.start(), u + 2, FEN.multiply(n.value()));
      }
      if (s.startsWith("角钱", u) || s.startsWith("角錢", u)) {
        return entity(text, n.start(), u + 2, JIAO.multiply(n.value()));
      }
      if (s.charAt(u) == '毛') {
        Change c = change(s, n.start(), false);
        return c == null ? null : entity(text, n.start(), c.end(), c.value());
      }
    }
    return null;
  }

  /** Jiao and fen written after yuan (the 五 of 一块五) or on their own (五毛, 五毛五). */
  private record Change(BigDecimal value, int end) {}

  private static Change change(String s, int i, boolean afterYuan) {
    if (afterYuan && i + 2 < s.length() && s.charAt(i) == '零') {
      return changeAfterZero(s, i + 1);
    }
    int jiao = digitAt(s, i);
    if (jiao < 1) {
      return null;
    }
    int j = i + 1;
    boolean unit = j < s.length() && (s.charAt(j) == '毛' || (afterYuan && s.charAt(j) == '角'));
    if (!unit) {
      // 一块五 reads as 1.50 only when nothing follows that would make 五 count something else
      return afterYuan && (goodAfter(s, j) || s.charAt(j) == '的')
          ? new Change(JIAO.multiply(BigDecimal.valueOf(jiao)), j)
          : null;
    }
    j++;
    BigDecimal value = JIAO.multiply(BigDecimal.valueOf(jiao));
    if (j < s.length() && (s.charAt(j) == '钱' || s.charAt(j) == '錢')) {
      return new Change(value, j + 1);
    }
    int fen = digitAt(s, j);
    if (fen >= 1 && j + 1 < s.length() && s.charAt(j + 1) == '分') {
      return new Change(value.add(FEN.multiply(BigDecimal.valueOf(fen))), j + 2);
    }
    if (fen >= 1 && goodAfter(s, j + 1)) {
      return new Change(value.add(FEN.multiply(BigDecimal.valueOf(fen))), j + 1);
    }
    // on its own, 毛 must end the phrase: 五毛, 五毛吧, but not 一毛不拔
    return afterYuan || goodAfter(s, j) ? new Change(value, j) : null;
  }

  /** 十块零五毛 (10.50), 一块零五分 (1.05): the unit must be written. */
  private static Change changeAfterZero(String s, int i) {
    int d = digitAt(s, i);
    if (d < 1) {
      return null;
    }
    return switch (s.charAt(i + 1)) {
      case '毛', '角' -> new Change(JIAO.multiply(BigDecimal.valueOf(d)), i + 2);
      case '分' -> new Change(FEN.multiply(BigDecimal.valueOf(d)), i + 2);
      default -> null;
    };
  }

  private static int yuanUnitLength(String s, int i) {
    for (String unit : YUAN_UNITS) {
      if (s.startsWith(unit, i)) {
        return unit.length();
      }
    }
    for (String unit : LATIN_CURRENCIES) {
      if (s.regionMatches(true, i, unit, 0, unit.length())
          && (i + unit.length() >= s.length() || !isAsciiLetter(s.charAt(i + unit.length())))) {
        return unit.length();
      }
    }
    return 0;
  }

  /** Where a currency sign before the number starts (¥80, ¥ 80, RMB100, 人民币100), or -1. */
  private static int currencyPrefixStart(String s, int start) {
    int i = start > 0 && s.charAt(start - 1) == ' ' ? start - 1 : start;
    if (i >= 1 && s.charAt(i - 1) == '¥') {
      return i - 1;
    }
    if (i >= 3 && (s.startsWith("人民币", i - 3) || s.startsWith("人民幣", i - 3))) {
      return i - 3;
    }
    for (String unit : LATIN_CURRENCIES) {
      if (i >= 3
          && s.regionMatches(true, i - 3, unit, 0, 3)
          && (i == 3 || !isAsciiLetter(s.charAt(i - 4)))) {
        return i - 3;
      }
    }
    return -1;
  }

  private static boolean paymentContext(String s, int start) {
    int last = start > 0 && s.charAt(start - 1) == ' ' ? start - 2 : start - 1;
    return last >= 0
        && PAYMENT_CONTEXT_ENDS.indexOf(s.charAt(last)) >= 0
        && PAYMENT_CONTEXT.matcher(s).region(Math.max(0, start - CONTEXT_WINDOW), start).find();
  }

  private static String lastCharacters(String[]... wordLists) {
    StringBuilder sb = new StringBuilder();
    for (String[] words : wordLists) {
      for (String word : words) {
        sb.append(word.charAt(word.length() - 1));
      }
    }
    return sb.toString();
  }

  /**
   * Glued to letters or digits (A100), an ordinal (第二) or, when {@code strict}, joined to digits by
   * a separator (138-1234).
   */
  private static boolean badBefore(String s, int start, boolean strict) {
    if (start == 0) {
      return false;
    }
    char c = s.charAt(start - 1);
    if (isAsciiLetterOrDigit(c) || c == '_' || c == '第') {
      return true;
    }
    return strict
        && (SEPARATORS.indexOf(c) >= 0 || c == ',' || c == '+' || c == '#' || c == '@')
        && start >= 2
        && isAsciiLetterOrDigit(s.charAt(start - 2));
  }

  private static boolean dateBefore(String s, int start) {
    return start > 0
        && (DATE_BEFORE.indexOf(s.charAt(start - 1)) >= 0
            || (start > 1
                && DATE_UNITS.indexOf(s.charAt(start - 1)) >= 0
                && (isAsciiDigit(s.charAt(start - 2))
                    || ChineseNumbers.isNumeral(s.charAt(start - 2))))
            || s.startsWith("星期", start - 2)
            || s.startsWith("礼拜", start - 2)
            || s.startsWith("禮拜", start - 2));
  }

  /** Whether a number ending at {@code i} continues as a longer figure (10:30, 3.5.1, 138-1234). */
  private static boolean joinedToMore(String s, int i) {
    return i + 1 < s.length()
        && SEPARATORS.indexOf(s.charAt(i)) >= 0
        && isAsciiDigit(s.charAt(i + 1));
  }

  private static boolean continuesNumber(String s, int i) {
    return i < s.length() && (isAsciiDigit(s.charAt(i)) || ChineseNumbers.isNumeral(s.charAt(i)))
        || joinedToMore(s, i);
  }

  /** Whether what follows position {@code i} ends the amount: end, punctuation, 吧, 左右, 电费 … */
  private static boolean goodAfter(String s, int i) {
    if (i >= s.length()) {
      return true;
    }
    char c = s.charAt(i);
    if (c == '%' || c == '‰' || joinedToMore(s, i)) {
      return false;
    }
    if (!Character.isLetterOrDigit(c)) {
      return true; // space, punctuation, emoji
    }
    if (FOLLOW_PARTICLES.indexOf(c) >= 0) {
      return true;
    }
    for (String word : FOLLOW_WORDS) {
      if (s.startsWith(word, i)) {
        return true;
      }
    }
    return false;
  }

  /** Whether what follows position {@code i} makes the number count something else (100度, 3个月). */
  private static boolean badAfter(String s, int i) {
    if (i >= s.length()) {
      return false;
    }
    char c = s.charAt(i);
    return isAsciiLetter(c)
        || c == '%'
        || c == '‰'
        || continuesNumber(s, i)
        || MEASURES.indexOf(c) >= 0;
  }

  private static Entity entity(String text, int start, int end, BigDecimal value) {
    if (value.signum() < 0 || value.compareTo(MAX) > 0 || value.stripTrailingZeros().scale() > 2) {
      return null;
    }
    String yuan = value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    return new Entity(ENTITY, yuan, start, end, text.substring(start, end));
  }

  private static int digitAt(String s, int i) {
    return i < s.length() ? ChineseNumbers.digit(s.charAt(i)) : -1;
  }

  private static boolean isWhole(BigDecimal value) {
    return value.stripTrailingZeros().scale() <= 0;
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return isAsciiDigit(c) || isAsciiLetter(c);
  }
}
