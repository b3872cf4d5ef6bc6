package io.gridbot.dialog.nlu.entity;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule-based reading of Chinese date and time expressions behind {@link DateTimeExtractor}:
 * three precompiled patterns (calendar expressions, offsets such as 3天后, spans such as 最近三个月), then
 * overlaps resolved longest first, then each expression resolved against the message's local time.
 * Stateless and thread-safe. The rules and their choices are documented on {@link
 * DateTimeExtractor}.
 */
final class DateTimeParser {

  private DateTimeParser() {}

  // ---- building blocks of the patterns
  private static final String NUMERAL = "0-9零〇一二两三四五六七八九十百千万";
  private static final String MONTH = "1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]";
  private static final String DAY =
      "3[01]|[12][0-9]|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九]";
  private static final String MONTH_PART = "底|末|初|上旬|中旬|下旬";
  private static final String RELATIVE = "上上个?|上个?|下下个?|下个?|这个?|本";

  /** 号 after a number that is a building, a room, a line, a window … is not a date. */
  private static final String NOT_A_PLACE = "(?![楼栋幢院门线床房室窗座机位柜箱口码车厅馆店铺库桩表杆台井街路弄巷村组区元仓键单]|电池)";

  private static final String ISO =
      "(?<![0-9.])(?<iy>(?:19|20)[0-9]{2})(?<isep>[-/.])(?<im>1[0-2]|0?[1-9])\\k<isep>"
          + "(?<id>3[01]|[12][0-9]|0?[1-9])(?![0-9])";
  private static final String YEAR =
      "(?:(?<![0-9零〇一二三四五六七八九])(?<yabs>(?:19|20)[0-9]{2}|[一二][零〇一二三四五六七八九]{3})"
          + "|(?<yrel>今|去|明|前|后))年"
          + "(?:(?<ym>"
          + MONTH
          + ")月份?(?:(?<yd>"
          + DAY
          + ")[日号]|(?<ysub>"
          + MONTH_PART
          + "))?)?";
  private static final String RELATIVE_MONTH =
      "(?<rm>上上个?|上个?|下下个?|下个?|这个?|本|当)月份?(?:(?<rmd>"
          + DAY
          + ")[日号]|(?<rmsub>"
          + MONTH_PART
          + "))?";
  private static final String MONTH_DAY =
      "(?<!["
          + NUMERAL
          + ".])(?<mm>"
          + MONTH
          + ")月份?(?:(?<md>"
          + DAY
          + ")[日号]|(?<msub>"
          + MONTH_PART
          + "))?";
  private static final String DOTTED_MONTH_DAY =
      "(?<![0-9.])(?<dm>1[0-2]|0?[1-9])[./](?<dmd>3[01]|[12][0-9]|0?[1-9])[日号]" + NOT_A_PLACE;
  // 今晚上8点 takes the 上, 今早上门 does not
  private static final String DAY_WITH_PART =
      "(?<dp>今|明|昨)(?<dpp>早|晚|夜)(?:上(?=\\s?[0-9零〇一二两三四五六七八九十]))?";
  private static final String RELATIVE_DAY = "(?<rd>大前天|前天|昨天|昨日|昨儿|今天|今日|今儿|明天|明日|明儿|大后天|后天)";
  // no number before 周 (一周三次), unless it ends a previous weekday (周六周日)
  private static final String WEEKDAY =
      "(?<wm>"
          + RELATIVE
          + ")?(?<![每几])(?:(?<=[周期拜][一二三四五六日天1-7])|(?<![0-9零〇一二两三四五六七八九十]))"
          + "(?:周|星期|礼拜)(?<wd>[一二三四五六日天1-7])(?![0-9])";
  private static final String WEEKEND = "(?<!每)(?<we>(?<wem>" + RELATIVE + ")?周末)";
  private static final String WEEK = "(?<wk>" + RELATIVE + ")(?:周|星期|礼拜)(?![围边到期年岁转末一二三四五六日天1-7])";
  private static final String BARE_MONTH_PART = "(?<![个" + NUMERAL + "])(?<bsub>月底|月末|月初)";
  private static final String DAY_OF_MONTH =
      "(?<![" + NUMERAL + "第每月路街巷弄道村里组楼院区镇乡号栋幢座.A-Za-z])(?<dd>" + DAY + ")[日号]" + NOT_A_PLACE;

  private static final String DATE =
      "(?<date>"
          + String.join(
              "|",
              ISO,
              YEAR,
              RELATIVE_MONTH,
              MONTH_DAY,
              DOTTED_MONTH_DAY,
              DAY_WITH_PART,
              RELATIVE_DAY,
              WEEKDAY,
              WEEKEND,
              WEEK,
              BARE_MONTH_PART,
              DAY_OF_MONTH)
          + ")";
  private static final String PERIOD =
      "(?<period>凌晨|清晨|早上|早晨|上午|中午|下午|傍晚|晚上|晚间|夜里|夜间|半夜|深夜|午夜)(?!好)";
  private static final String ARABIC_HOUR = "2[0-4]|1[0-9]|0?[0-9]";
  private static final String TIME =
      "(?<time>(?<!["
          + NUMERAL
          + ".:])(?:(?:(?<th>"
          + ARABIC_HOUR
          + "|二十[一二三四]?|十[一二三四五六七八九]?|[零〇一二两三四五六七八九])点|(?<tha>"
          + ARABIC_HOUR
          + ")时)(?<tz>钟|整)?"
          + "(?:(?<thalf>半)|(?<tq>[一1三3])刻|(?<tma>[0-5]?[0-9])分|(?<tmb>[0-5][0-9])"
          + "|(?<tmc>[二三四五]?十[一二三四五六七八九]?|零[一二三四五六七八九])分?|(?<tmd>[一二三四五六七八九])分)?"
          + "|(?<ch>2[0-3]|[01]?[0-9]):(?<cm>[0-5][0-9])(?::[0-5][0-9])?)"
          // 三点五 and 三点五元 are amounts, not times
          + "(?!["
          + NUMERAL
          + ".:元块角毛度%]))";

  /** Date, part of the day and clock time, each optional; a match without any is skipped. */
  static final Pattern CALENDAR =
      Pattern.compile(DATE + "?(?:\\s?的?" + PERIOD + ")?(?:\\s?" + TIME + ")?");

  /** 半小时后, 两个半小时后, 3天后, 一周前, 3个月内. */
  static final Pattern OFFSET =
      Pattern.compile(
          "(?<!["
              + NUMERAL
              + "几])(?:(?<on>[0-9]{1,4}|[零一二两三四五六七八九十百]{1,5})(?<onh>个半)?|(?<oh>半))"
              + "(?<ou>个?小时|个?钟头|分钟|天|日|周|个?星期|个?礼拜|个月|年)(?<ouh>半)?\\s?"
              + "(?<od>以后|之后|后|以前|之前|前|以内|之内|内)");

  /** 最近三个月, 近一周, 过去7天, 近半年. */
  static final Pattern RECENT =
      Pattern.compile(
          "(?:最近|近|过去)的?(?:(?<rn>[0-9]{1,3}|[一二两三四五六七八九十百]{1,4})|(?<rh>半))"
              + "(?<ru>个?小时|天|日|周|个?星期|个?礼拜|个月|年)");

  /** What may join two expressions so that the second one borrows the first's day: 明天3点到5点. */
  private static final Pattern CONNECTOR = Pattern.compile("\\s*(?:到|至|和|与|或者?|、|-|~|—)\\s*");

  /** Characters seen by a bare clock time that make it a count instead: 第三点, 有两点建议, 一点儿. */
  private static final String NOT_BEFORE_BARE_TIME = "第这那几有差每";

  private static final String NOT_AFTER_BARE_TIME = "建意问要疑原内说注看想理方条儿积赞击数";

  /** Every expression contains one of these characters: texts without any are skipped at once. */
  private static final BitSet TRIGGERS = bits("天日号月周期拜年点时午晨晚夜早底末初后前内儿:-/.");

  private static final BitSet NUMERALS = bits("0123456789零〇一二两三四五六七八九十百千万");

  /** The characters a calendar expression can start with; the pattern is tried only there. */
  private static final BitSet STARTS = bits("0123456789零〇一二两三四五六七八九十今明昨前后大去上下这本当周星礼凌清早中傍晚夜半深午月");

  private static BitSet bits(String chars) {
    BitSet bits = new BitSet();
    chars.chars().forEach(bits::set);
    return bits;
  }

  /** Whether {@code text} may contain an expression at all (a cheap test before the patterns). */
  static boolean mayContainDateTime(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (TRIGGERS.get(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The expressions in {@code text}, in order of appearance.
   *
   * @param text the message, full-width forms already mapped to ASCII
   * @param now the message's local time, truncated to minutes
   */
  static List<DateTimeMention> parse(String text, LocalDateTime now) {
    List<Candidate> found = new ArrayList<>();
    findCalendar(text, now.toLocalDate(), found);
    if (text.indexOf('后') >= 0 || text.indexOf('前') >= 0 || text.indexOf('内') >= 0) {
      findOffsets(text, now, found);
    }
    if (text.indexOf('近') >= 0 || text.contains("过去")) {
      findRecent(text, now, found);
    }
    return resolveInOrder(text, keepLongest(found), now);
  }

  /** A match before resolution: a calendar expression, or an offset already resolved. */
  private record Candidate(int start, int end, Expression expression, DateTimeMention fixed) {}

  /** A calendar expression: its date (may be null), part of the day (may be null), clock time. */
  private record Expression(DateTimeSpec date, DateTimeDayPart part, int hour, int minute) {
    boolean hasTime() {
      return hour >= 0;
    }
  }

  /** The day and part of the day of the previous expression, for one joined to it by 到, 和 … */
  private record Context(LocalDate day, DateTimeDayPart part) {}

  // ---- calendar expressions

  private static void findCalendar(String text, LocalDate today, List<Candidate> found) {
    // the pattern can match the empty string: try it only where an expression can start
    Matcher m = CALENDAR.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    int from = 0;
    while (from < text.length()) {
      if (!mayStartAt(text, from)) {
        from++;
        continue;
      }
      m.region(from, text.length());
      int start = m.lookingAt() ? firstStart(m) : -1;
      Candidate candidate = start < 0 ? null : calendar(m, text, today, start);
      if (candidate == null) {
        from = Math.max(start, from) + 1;
      } else {
        found.add(candidate);
        from = candidate.end();
      }
    }
  }

  /** Numbers start only where no numeral precedes: every numeric rule forbids one. */
  private static boolean mayStartAt(String text, int i) {
    char c = text.charAt(i);
    return STARTS.get(c) && !(NUMERALS.get(c) && i > 0 && NUMERALS.get(text.charAt(i - 1)));
  }

  private static int firstStart(Matcher m) {
    for (String group : new String[] {"date", "period", "time"}) {
      if (m.start(group) >= 0) {
        return m.start(group);
      }
    }
    return -1;
  }

  private static Candidate calendar(Matcher m, String text, LocalDate today, int start) {
    DateTimeSpec date = null;
    if (m.group("date") != null) {
      date = date(m, today);
      if (date == null) {
        return null; // 2月30号
      }
      if (date.isSeveralDays()) {
        // a part of the day or a clock time cannot apply to a week or a month: leave them out
        return new Candidate(start, m.end("date"), new Expression(date, null, -1, 0), null);
      }
    }
    DateTimeDayPart part =
        m.group("period") != null
            ? DateTimeDayPart.of(m.group("period"))
            : date == null ? null : date.part();
    int hour = m.group("time") == null ? -1 : hour(m);
    int minute = m.group("time") == null ? 0 : minute(m);
    boolean timeValid = hour >= 0 && hour <= 24 && minute >= 0 && (hour < 24 || minute == 0);
    if (timeValid && date == null && part == null && !plausibleBareTime(m, text, hour)) {
      return null;
    }
    if (!timeValid) {
      int end = Math.max(m.end("date"), m.end("period"));
      return end < 0 ? null : new Candidate(start, end, new Expression(date, part, -1, 0), null);
    }
    return new Candidate(start, m.end(), new Expression(date, part, hour, minute), null);
  }

  private static boolean plausibleBareTime(Matcher m, String text, int hour) {
    if (m.group("ch") != null) {
      return true;
    }
    int start = m.start("time");
    int end = m.end("time");
    if (start > 0 && NOT_BEFORE_BARE_TIME.indexOf(text.charAt(start - 1)) >= 0) {
      return false;
    }
    boolean exact =
        m.group("tz") != null
            || m.group("thalf") != null
            || m.group("tq") != null
            || m.group("tma") != null
            || m.group("tmb") != null
            || m.group("tmc") != null
            || m.group("tmd") != null;
    if (exact) {
      return true;
    }
    if (end < text.length() && NOT_AFTER_BARE_TIME.indexOf(text.charAt(end)) >= 0) {
      return false;
    }
    return !(hour == 1 && "一".equals(m.group("th"))); // 一点 is "a little"
  }

  private static int hour(Matcher m) {
    String text = m.group("th") != null ? m.group("th") : m.group("tha");
    return DateTimeNumbers.parse(text != null ? text : m.group("ch"));
  }

  private static int minute(Matcher m) {
    if (m.group("thalf") != null) {
      return 30;
    }
    if (m.group("tq") != null) {
      return "一".equals(m.group("tq")) || "1".equals(m.group("tq")) ? 15 : 45;
    }
    for (String group : new String[] {"tma", "tmb", "tmc", "tmd", "cm"}) {
      if (m.group(group) != null) {
        int minute = DateTimeNumbers.parse(m.group(group));
        return minute <= 59 ? minute : -1;
      }
    }
    return 0;
  }

  private static DateTimeSpec date(Matcher m, LocalDate today) {
    if (m.group("iy") != null) {
      return dayOrNull(number(m, "iy"), number(m, "im"), number(m, "id"));
    }
    if (m.group("yabs") != null || m.group("yrel") != null) {
      return yearBased(m, today);
    }
    if (m.group("rm") != null) {
      YearMonth month = YearMonth.from(today).plusMonths(relative(m.group("rm")));
      return inMonth(month, m.group("rmd"), m.group("rmsub"));
    }
    if (m.group("mm") != null) {
      return monthWithoutYear(m, today);
    }
    if (m.group("dm") != null) {
      return nearestMonthDay(number(m, "dm"), number(m, "dmd"), today);
    }
    if (m.group("dp") != null) {
      return DateTimeSpec.dayWithPart(
          today.plusDays(relativeDay(m.group("dp"))), DateTimeDayPart.of(m.group("dpp")));
    }
    if (m.group("rd") != null) {
      return DateTimeSpec.day(today.plusDays(relativeDay(m.group("rd"))));
    }
    if (m.group("wd") != null) {
      return weekday(m.group("wm"), weekdayOf(m.group("wd")), today);
    }
    if (m.group("we") != null) {
      LocalDate saturday = monday(today, m.group("wem")).plusDays(5);
      return DateTimeSpec.days(saturday, saturday.plusDays(2));
    }
    if (m.group("wk") != null) {
      LocalDate monday = monday(today, m.group("wk"));
      return DateTimeSpec.days(monday, monday.plusWeeks(1));
    }
    if (m.group("bsub") != null) {
      return monthPart(YearMonth.from(today), m.group("bsub").substring(1));
    }
    return dayOfMonth(number(m, "dd"), today);
  }

  private static int number(Matcher m, String group) {
    return DateTimeNumbers.parse(m.group(group));
  }

  private static DateTimeSpec dayOrNull(int year, int month, int day) {
    if (month < 1 || month > 12 || day < 1 || !YearMonth.of(year, month).isValidDay(day)) {
      return null;
    }
    return DateTimeSpec.day(LocalDate.of(year, month, day));
  }

  private static DateTimeSpec yearBased(Matcher m, LocalDate today) {
    int year =
        m.group("yabs") != null
            ? number(m, "yabs")
            : today.getYear() + relativeYear(m.group("yrel"));
    if (year < 1900 || year > 2100) {
      return null;
    }
    if (m.group("ym") == null) {
      return DateTimeSpec.days(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
    }
    int month = number(m, "ym");
    if (month < 1 || month > 12) {
      return null;
    }
    return inMonth(YearMonth.of(year, month), m.group("yd"), m.group("ysub"));
  }

  /** A day of {@code month}, a part of it (月底), or the whole month. */
  private static DateTimeSpec inMonth(YearMonth month, String day, String part) {
    if (day != null) {
      int d = DateTimeNumbers.parse(day);
      return d >= 1 && month.isValidDay(d) ? DateTimeSpec.day(month.atDay(d)) : null;
    }
    if (part != null) {
      return monthPart(month, part);
    }
    return DateTimeSpec.days(month.atDay(1), month.plusMonths(1).atDay(1));
  }

  private static DateTimeSpec monthPart(YearMonth month, String part) {
    LocalDate first = month.atDay(1);
    LocalDate next = month.plusMonths(1).atDay(1);
    return switch (part) {
      case "初" -> DateTimeSpec.days(first, first.plusDays(3));
      case "上旬" -> DateTimeSpec.days(first, first.plusDays(10));
      case "中旬" -> DateTimeSpec.days(first.plusDays(10), first.plusDays(20));
      case "下旬" -> DateTimeSpec.days(first.plusDays(20), next);
      default -> DateTimeSpec.days(next.minusDays(3), next); // 底, 末
    };
  }

  private static DateTimeSpec monthWithoutYear(Matcher m, LocalDate today) {
    int month = number(m, "mm");
    if (month < 1 || month > 12) {
      return null;
    }
    if (m.group("md") != null) {
      return nearestMonthDay(month, number(m, "md"), today);
    }
    if (m.group("msub") != null) {
      return monthPart(nearestMonth(month, today), m.group("msub"));
    }
    // a whole month is most often a bill: the latest such month that has begun
    YearMonth current = YearMonth.from(today);
    int year = month <= current.getMonthValue() ? current.getYear() : current.getYear() - 1;
    return inMonth(YearMonth.of(year, month), null, null);
  }

  private static YearMonth nearestMonth(int month, LocalDate today) {
    YearMonth current = YearMonth.from(today);
    YearMonth best = null;
    long bestDistance = Long.MAX_VALUE;
    for (int year = today.getYear() - 1; year <= today.getYear() + 1; year++) {
      YearMonth candidate = YearMonth.of(year, month);
      long distance = Math.abs(ChronoUnit.MONTHS.between(current, candidate));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best;
  }

  /** The date with this month and day closest to today (on a tie, the earlier one). */
  private static DateTimeSpec nearestMonthDay(int month, int day, LocalDate today) {
    if (month < 1 || month > 12 || day < 1) {
      return null;
    }
    LocalDate best = null;
    long bestDistance = Long.MAX_VALUE;
    for (int year = today.getYear() - 1; year <= today.getYear() + 1; year++) {
      if (YearMonth.of(year, month).isValidDay(day)) {
        LocalDate candidate = LocalDate.of(year, month, day);
        long distance = Math.abs(ChronoUnit.DAYS.between(today, candidate));
        if (distance < bestDistance) {
          best = candidate;
          bestDistance = distance;
        }
      }
    }
    return best == null ? null : DateTimeSpec.day(best);
  }

  /** 12号: this month's if it is today or later, else the next month that has that day. */
  private static DateTimeSpec dayOfMonth(int day, LocalDate today) {
    if (day < 1) {
      return null;
    }
    YearMonth month = YearMonth.from(today);
    for (int i = 0; i < 3; i++, month = month.plusMonths(1)) {
      if (month.isValidDay(day) && (i > 0 || day >= today.getDayOfMonth())) {
        return DateTimeSpec.day(month.atDay(day));
      }
    }
    return null;
  }

  private static DateTimeSpec weekday(String relative, DayOfWeek weekday, LocalDate today) {
    if (relative == null) {
      return DateTimeSpec.bareWeekday(
          today.with(TemporalAdjusters.nextOrSame(weekday)), weekday); // today if today
    }
    return DateTimeSpec.day(monday(today, relative).plusDays(weekday.getValue() - 1L));
  }

  private static LocalDate monday(LocalDate today, String relative) {
    return today
        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
        .plusWeeks(relative(relative));
  }

  private static DayOfWeek weekdayOf(String text) {
    return switch (text) {
      case "一", "1" -> DayOfWeek.MONDAY;
      case "二", "2" -> DayOfWeek.TUESDAY;
      case "三", "3" -> DayOfWeek.WEDNESDAY;
      case "四", "4" -> DayOfWeek.THURSDAY;
      case "五", "5" -> DayOfWeek.FRIDAY;
      case "六", "6" -> DayOfWeek.SATURDAY;
      default -> DayOfWeek.SUNDAY; // 日, 天, 7
    };
  }

  /** 上上(个) -2, 上(个) -1, 这(个)/本/当/none 0, 下(个) 1, 下下(个) 2. */
  private static int relative(String text) {
    if (text == null) {
      return 0;
    }
    return switch (text.replace("个", "")) {
      case "上上" -> -2;
      case "上" -> -1;
      case "下" -> 1;
      case "下下" -> 2;
      default -> 0;
    };
  }

  private static int relativeYear(String text) {
    return switch (text) {
      case "前" -> -2;
      case "去" -> -1;
      case "明" -> 1;
      case "后" -> 2;
      default -> 0;
    };
  }

  private static int relativeDay(String text) {
    return switch (text) {
      case "大前天" -> -3;
      case "前天" -> -2;
      case "昨天", "昨日", "昨儿", "昨" -> -1;
      case "明天", "明日", "明儿", "明" -> 1;
      case "后天" -> 2;
      case "大后天" -> 3;
      default -> 0;
    };
  }

  // ---- offsets and recent spans

  private static void findOffsets(String text, LocalDateTime now, List<Candidate> found) {
    Matcher m = OFFSET.matcher(text);
    while (m.find()) {
      boolean half = m.group("oh") != null || m.group("onh") != null || m.group("ouh") != null;
      int count = m.group("oh") != null ? 0 : number(m, "on");
      String unit = m.group("ou").replace("个", "");
      if (count < 0 || count > 9999 || (count == 0 && !half)) {
        continue;
      }
      String direction = m.group("od");
      int sign = direction.endsWith("前") ? -1 : 1;
      LocalDateTime target = shift(now, unit, count, half, sign);
      if (!target.isAfter(now) && sign > 0) {
        continue; // 半分钟后
      }
      DateTimeMention mention;
      if (direction.endsWith("内")) {
        mention = new DateTimeMention(m.start(), m.end(), now, target);
      } else if (unit.equals("小时") || unit.equals("钟头") || unit.equals("分钟")) {
        mention = new DateTimeMention(m.start(), m.end(), target, null);
      } else {
        LocalDateTime day = target.toLocalDate().atStartOfDay();
        mention = new DateTimeMention(m.start(), m.end(), day, day.plusDays(1));
      }
      found.add(new Candidate(m.start(), m.end(), null, mention));
    }
  }

  private static void findRecent(String text, LocalDateTime now, List<Candidate> found) {
    Matcher m = RECENT.matcher(text);
    while (m.find()) {
      boolean half = m.group("rh") != null;
      int count = half ? 0 : number(m, "rn");
      if (count < 0 || count > 999 || (count == 0 && !half)) {
        continue;
      }
      String unit = m.group("ru").replace("个", "");
      LocalDateTime start = shift(now, unit, count, half, -1);
      DateTimeMention mention =
          unit.equals("小时")
              ? new DateTimeMention(m.start(), m.end(), start, now)
              : new DateTimeMention(
                  m.start(),
                  m.end(),
                  start.toLocalDate().atStartOfDay(),
                  now.toLocalDate().plusDays(1).atStartOfDay());
      found.add(new Candidate(m.start(), m.end(), null, mention));
    }
  }

  private static LocalDateTime shift(
      LocalDateTime now, String unit, int count, boolean half, int sign) {
    return switch (unit) {
      case "分钟" -> now.plusMinutes(sign * (long) count);
      case "小时", "钟头" -> now.plusMinutes(sign * (count * 60L + (half ? 30 : 0)));
      case "天", "日" -> now.plusHours(sign * (count * 24L + (half ? 12 : 0)));
      case "周", "星期", "礼拜" -> now.plusHours(sign * (count * 168L + (half ? 84 : 0)));
      case "月" -> now.plusMonths(sign * (long) count).plusDays(sign * (half ? 15L : 0));
      default -> now.plusYears(sign * (long) count).plusMonths(sign * (half ? 6L : 0)); // 年
    };
  }

  // ---- overlaps and resolution

  private static List<Candidate> keepLongest(List<Candidate> found) {
    List<Candidate> sorted = new ArrayList<>(found);
    sorted.sort(
        Comparator.comparingInt((Candidate c) -> c.end() - c.start())
            .reversed()
            .thenComparingInt(Candidate::start));
    List<Candidate> kept = new ArrayList<>();
    for (Candidate candidate : sorted) {
      if (kept.stream()
          .noneMatch(k -> k.start() < candidate.end() && candidate.start() < k.end())) {
        kept.add(candidate);
      }
    }
    kept.sort(Comparator.comparingInt(Candidate::start));
    return kept;
  }

  private static List<DateTimeMention> resolveInOrder(
      String text, List<Candidate> kept, LocalDateTime now) {
    List<DateTimeMention> mentions = new ArrayList<>(kept.size());
    Candidate previous = null;
    Context previousContext = null;
    for (Candidate candidate : kept) {
      if (candidate.expression() == null) {
        mentions.add(candidate.fixed());
        previousContext = null;
      } else {
        boolean joined =
            previousContext != null
                && CONNECTOR.matcher(text.substring(previous.end(), candidate.start())).matches();
        Resolved resolved = resolve(candidate, now, joined ? previousContext : null);
        mentions.add(resolved.mention());
        previousContext = new Context(resolved.day(), resolved.part());
      }
      previous = candidate;
    }
    return mentions;
  }

  private record Resolved(DateTimeMention mention, LocalDate day, DateTimeDayPart part) {}

  private static Resolved resolve(Candidate candidate, LocalDateTime now, Context context) {
    Expression e = candidate.expression();
    DateTimeSpec date = e.date();
    int start = candidate.start();
    int end = candidate.end();
    if (date != null && date.isSeveralDays()) {
      return new Resolved(
          new DateTimeMention(start, end, date.from().atStartOfDay(), date.to().atStartOfDay()),
          date.from(),
          null);
    }
    LocalDate day = date == null ? null : date.day();
    DateTimeDayPart part = e.part();
    if (context != null && date != null && date.bareWeekday() != null) {
      day = context.day().with(TemporalAdjusters.nextOrSame(date.bareWeekday()));
    } else if (context != null && date == null) {
      day = context.day();
      part = part == null ? context.part() : part;
    }
    if (!e.hasTime()) {
      if (part == null) {
        LocalDateTime from = day.atStartOfDay();
        return new Resolved(new DateTimeMention(start, end, from, from.plusDays(1)), day, null);
      }
      if (day == null) {
        LocalDate today = now.toLocalDate();
        day = today.atStartOfDay().plusHours(part.endHour).isAfter(now) ? today : today.plusDays(1);
      }
      LocalDateTime midnight = day.atStartOfDay();
      return new Resolved(
          new DateTimeMention(
              start, end, midnight.plusHours(part.startHour), midnight.plusHours(part.endHour)),
          day,
          part);
    }
    int clockHour =
        part == null ? DateTimeDayPart.bareClockHour(e.hour()) : part.clockHour(e.hour());
    LocalDate base = day != null ? day : now.toLocalDate();
    LocalDateTime at = base.atStartOfDay().plusHours(clockHour).plusMinutes(e.minute());
    if (day == null && at.isBefore(now)) {
      at = at.plusDays(1); // a clock time without a day is the next one to come
      base = base.plusDays(1);
    }
    return new Resolved(new DateTimeMention(start, end, at, null), base, part);
  }
}
