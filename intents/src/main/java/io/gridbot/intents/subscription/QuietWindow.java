package io.gridbot.intents.subscription;

import io.gridbot.dialog.nlu.TextNormalizer;
import io.gridbot.service.subscription.QuietHours;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the daily window of quiet hours a customer names, in China time: a range ("晚上10点到早上7点",
 * "23点到6点", "22:30-06:45", "十点半到第二天七点"), a start only ("晚上九点以后不要推送") or an end only ("早上8点以前别发",
 * "早上8点以后再发"); a start or an end alone is completed from the current quiet hours.
 *
 * <p>Hours are 点/时/点钟, with 半, 一刻, 三刻, minutes (10点30分, 10点05, 十点三十) or {@code HH:mm}, in digits or
 * Chinese numerals (十点, 二十二点, 两点), after a part of the day (凌晨, 早上, 上午, 中午, 下午, 傍晚, 晚上, 夜里, 半夜 …)
 * or bare. A bare hour from 1 to 12 may be either half of the day: the window read is the shortest
 * one, and of two equally short the one starting later ("10点到7点" is 22:00 to 07:00, "12点到2点" is
 * 12:00 to 14:00, "晚上8点到11点" ends at 23:00).
 */
final class QuietWindow {

  private static final String PERIOD =
      "(凌晨|半夜|深夜|午夜|清晨|早上|早晨|一早|大早|上午|中午|午间|下午|傍晚|晚上|晚间|夜里|夜间|夜晚|今晚|明早|早|晚|夜)?";
  private static final String DAY = "(?:第二天|次日|隔天|明天|明日)?";
  private static final String CN = "零〇一二两三四五六七八九十";
  private static final String HOUR = "(\\d{1,2}|[" + CN + "]{1,3})";
  private static final String MINUTE =
      "(半|一刻|三刻|\\d{1,2}(?=分|[^\\d]|$)|[" + CN + "]{2,3}(?!点|时)|[" + CN + "](?=分))";
  private static final String POINT =
      DAY + PERIOD + HOUR + "(?::(\\d{2})|(?:点钟|点|时(?![候间段刻]))(?:" + MINUTE + "分?)?)";

  private static final Pattern POINT_PATTERN = Pattern.compile(POINT);
  private static final Pattern RANGE =
      Pattern.compile(POINT + "(?:以后|之后|后)?(?:一直到|直到|到|至|~|-)" + POINT);
  private static final Pattern FROM =
      Pattern.compile(POINT + "(?:钟)?(以后|之后|过后|后|开始|起)((?:再|才)(?:给我)?(?:发|推|通知|提醒))?");
  private static final Pattern UNTIL = Pattern.compile(POINT + "(?:钟)?(以前|之前|前|为止)");

  /** Groups of one point: its period, hour, minutes after a colon, minutes after 点. */
  private static final int GROUPS = 4;

  private static final int DAY_MINUTES = 24 * 60;

  private QuietWindow() {}

  /**
   * The window {@code text} names, a start or an end alone completed from {@code current}.
   *
   * @param current the quiet hours the customer has now (the default when they turned them off)
   * @return empty when the text names no window, one that cannot be read (25点, 10点70分, a single
   *     time without 以后/以前) or one of no length ("晚上10点到晚上10点")
   */
  static Optional<QuietHours> parse(String text, QuietHours current) {
    String t = normalize(text);
    Matcher range = RANGE.matcher(t);
    if (range.find()) {
      Optional<Point> start = Point.of(t, range, 1);
      Optional<Point> end = Point.of(t, range, 1 + GROUPS);
      if (start.isEmpty() || end.isEmpty() || start.get().sameAs(end.get())) {
        return Optional.empty();
      }
      return shortest(start.get().candidates(), end.get().candidates());
    }
    Matcher from = FROM.matcher(t);
    if (from.find()) {
      Optional<Point> point = Point.of(t, from, 1);
      if (point.isEmpty()) {
        return Optional.empty();
      }
      boolean sendsAfter = from.group(1 + GROUPS + 1) != null; // 早上8点以后再发: quiet until 8
      return sendsAfter
          ? shortest(List.of(current.start()), point.get().candidates())
          : shortest(point.get().candidates(), List.of(current.end()));
    }
    Matcher until = UNTIL.matcher(t);
    if (until.find()) {
      return Point.of(t, until, 1).flatMap(p -> shortest(List.of(current.start()), p.candidates()));
    }
    return Optional.empty();
  }

  /** Whether {@code text} names a time of day at all (10点, 22:00, 十点半). */
  static boolean mentionsTime(String text) {
    String t = normalize(text);
    Matcher m = POINT_PATTERN.matcher(t);
    while (m.find()) {
      if (!aLittle(t, m, 1)) {
        return true;
      }
    }
    return false;
  }

  /** Half-width, no spaces, the traditional forms customers use for the words read here. */
  static String normalize(String text) {
    String t = TextNormalizer.toHalfWidth(text == null ? "" : text).replaceAll("\\s+", "");
    StringBuilder sb = new StringBuilder(t.length());
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      sb.append(
          switch (c) {
            case '點' -> '点';
            case '時' -> '时';
            case '後' -> '后';
            case '鐘' -> '钟';
            case '兩' -> '两';
            case '淩' -> '凌';
            case '間' -> '间';
            case '擾' -> '扰';
            case '〜' -> '~';
            case '—', '–' -> '-';
            default -> c;
          });
    }
    return sb.toString();
  }

  /**
   * Whether the match is the "一点" of "早一点", "少发一点" (a little), not one o'clock: 一点 without minutes
   * after 早 or 晚 alone, or right after a word such as 少, 多, 快, 慢.
   */
  private static boolean aLittle(String text, Matcher m, int first) {
    if (!"一".equals(m.group(first + 1)) || m.group(first + 3) != null) {
      return false;
    }
    String period = m.group(first);
    if (period != null) {
      return period.equals("早") || period.equals("晚");
    }
    int before = m.start(first + 1) - 1;
    return before >= 0 && "有少多快慢好些点再发推".indexOf(text.charAt(before)) >= 0;
  }

  /** Of every start and end, the pair of the shortest window, then of the latest start. */
  private static Optional<QuietHours> shortest(List<LocalTime> starts, List<LocalTime> ends) {
    QuietHours best = null;
    int bestLength = Integer.MAX_VALUE;
    for (LocalTime s : starts) {
      for (LocalTime e : ends) {
        int length = Math.floorMod(minutes(e) - minutes(s), DAY_MINUTES);
        if (length == 0) {
          continue;
        }
        if (length < bestLength || (length == bestLength && minutes(s) > minutes(best.start()))) {
          best = new QuietHours(s, e);
          bestLength = length;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  private static int minutes(LocalTime t) {
    return t.getHour() * 60 + t.getMinute();
  }

  /** A time as said: hour 0-24 as written, minutes, and the part of the day if one was said. */
  private record Point(int hour, int minute, String period) {

    static Optional<Point> of(String text, Matcher m, int first) {
      if (aLittle(text, m, first)) {
        return Optional.empty();
      }
      String period = m.group(first);
      Integer hour = number(m.group(first + 1));
      String colon = m.group(first + 2);
      String after = m.group(first + 3);
      Integer minute = colon != null ? Integer.valueOf(colon) : after == null ? 0 : minute(after);
      if (hour == null
          || minute == null
          || hour > 24
          || minute > 59
          || (hour == 24 && minute > 0)) {
        return Optional.empty();
      }
      return Optional.of(new Point(hour, minute, period));
    }

    /** Said alike: the same hour and minutes, the second without another part of the day. */
    boolean sameAs(Point end) {
      return hour == end.hour
          && minute == end.minute
          && (end.period == null || end.period.equals(period));
    }

    /** The clock times it may mean: one with a part of the day or a 24-hour hour, else two. */
    List<LocalTime> candidates() {
      List<LocalTime> times = new ArrayList<>();
      if (hour == 0 || hour >= 13) {
        times.add(LocalTime.of(hour % 24, minute));
      } else if (period != null) {
        times.add(LocalTime.of(clockHour(period, hour), minute));
      } else {
        times.add(LocalTime.of(hour % 12, minute));
        times.add(LocalTime.of(hour % 12 + 12, minute));
      }
      return times;
    }

    /** The hour of "{@code hour}点" (1 to 12) said in a part of the day. */
    private static int clockHour(String period, int hour) {
      return switch (period) {
        case "凌晨", "半夜", "深夜", "午夜" -> hour == 12 ? 0 : hour >= 9 ? hour + 12 : hour;
        case "中午", "午间" -> hour <= 5 ? hour + 12 : hour;
        case "下午", "傍晚" -> hour == 12 ? 12 : hour + 12;
        case "晚上", "晚间", "夜里", "夜间", "夜晚", "今晚", "晚", "夜" ->
            hour == 12 ? 0 : hour <= 4 ? hour : hour + 12;
        default -> hour; // 早上, 上午 …
      };
    }

    private static Integer minute(String said) {
      return switch (said) {
        case "半" -> 30;
        case "一刻" -> 15;
        case "三刻" -> 45;
        default -> number(said);
      };
    }
  }

  /** 0 to 99 in digits or Chinese numerals (七, 十, 十五, 二十二, 三十, 零五); null otherwise. */
  static Integer number(String said) {
    if (said.chars().allMatch(Character::isDigit)) {
      return Integer.valueOf(said);
    }
    String s = said.replace('〇', '零').replace('两', '二');
    if (s.length() == 2 && s.charAt(0) == '零') {
      int d = digit(s.charAt(1));
      return d > 0 ? d : null;
    }
    int ten = s.indexOf('十');
    if (ten < 0) {
      return s.length() == 1 && digit(s.charAt(0)) >= 0 ? digit(s.charAt(0)) : null;
    }
    if (s.indexOf('十', ten + 1) >= 0) {
      return null;
    }
    String tens = s.substring(0, ten);
    String ones = s.substring(ten + 1);
    int t = tens.isEmpty() ? 1 : tens.length() == 1 ? digit(tens.charAt(0)) : -1;
    int o = ones.isEmpty() ? 0 : ones.length() == 1 ? digit(ones.charAt(0)) : -1;
    return t > 0 && o >= 0 ? t * 10 + o : null;
  }

  private static int digit(char c) {
    return "零一二三四五六七八九".indexOf(c);
  }
}
