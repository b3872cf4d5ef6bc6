package io.gridbot.dialog.nlu.entity;

import io.gridbot.dialog.nlu.Entity;
import io.gridbot.dialog.nlu.EntityExtractor;
import io.gridbot.dialog.nlu.TextNormalizer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Finds Chinese date and time expressions ({@value #ENTITY}) and resolves them against the time the
 * message was sent, in a given zone (Asia/Shanghai by default). Rule-based: a few precompiled
 * patterns, no dictionaries, thread-safe; any input gives a list, never an exception.
 *
 * <h2>Values</h2>
 *
 * <ul>
 *   <li>A moment: {@code 2026-11-28T10:00+08:00} (ISO-8601, always minutes and offset, never
 *       seconds: everything is resolved at minute precision, the message time's seconds are
 *       dropped).
 *   <li>A period: {@code 2026-11-28T00:00+08:00/2026-11-29T00:00+08:00}, an ISO-8601 interval,
 *       start inclusive, end exclusive, both ends in the format above.
 * </ul>
 *
 * <p>The span is the whole expression (明天上午10点, 下周三下午); several expressions give several entities.
 *
 * <h2>What is understood, and how it resolves</h2>
 *
 * <ul>
 *   <li>Days, as a period from midnight to midnight: 今天/今日, 明天, 后天, 大后天, 昨天, 前天, 大前天; 2026年12月1日,
 *       2026-12-01, 2026/12/01, 2026.12.01; 10月5号/日, 十月五日, 10.5号; 12号 (this month's 12th if that is
 *       today or later, else the next month that has one); 周五/星期五/礼拜五 (the coming one, today if
 *       today is Friday); 这周六/本周六 (in this Monday-to-Sunday week, even if past); 下周五, 下下周五, 上周五;
 *       下个月5号; 3天后, 两周后, 3个月后, 2天前 (the day that far away).
 *   <li>A month and day without a year (10月5号) is the nearest such date, past or future (ties go to
 *       the past): on 2026-11-27, 10月5号 is 2026-10-05 and 1月5号 is 2027-01-05.
 *   <li>Longer periods: 上周/这周/本周/下周 (Monday to Monday), 周末/下周末 (Saturday and Sunday); 上个月,
 *       这个月/本月/当月, 下个月, 上上个月 (calendar months); 今年, 去年, 明年, 2026年; 去年12月, 2026年12月; a month without
 *       a year (12月, 12月份) is the latest such month that has begun, because a month alone is most
 *       often a bill; 月初 (days 1-3), 上旬 (1-10), 中旬 (11-20), 下旬 (21-end), 月底/月末 (the last 3 days),
 *       also after a month (上个月底, 12月初, where a bare month takes the nearest year); 最近三个月, 近一周,
 *       过去7天, 近半年 (from that many units before today to the end of today); 3天内, 半小时内 (from now to
 *       then).
 *   <li>Parts of the day, as periods: 凌晨 00-06, 早上/早晨/清晨 06-09, 上午 08-12, 中午 11-13, 下午 13-18, 傍晚
 *       17-19, 晚上/晚间/夜里/夜间 18-24, 半夜/深夜/午夜 00-03 (of the day named); 今晚/明晚/昨晚/今夜 = that day 18-24,
 *       今早/明早 = that day 06-09. With a day (明天上午, 下周三下午) the part of that day; alone (下午) today's
 *       if it has not ended yet, else tomorrow's.
 *   <li>Clock times, as moments: 10点, 10点钟, 10点整, 10点半, 十点一刻, 三点三刻, 10点30, 10点30分, 十点零五, 10时30分,
 *       10:30. With a part of the day the hour is read in it: 下午3点 = 15:00, 晚上8点 = 20:00, 晚上12点 =
 *       the next midnight, 晚上1点 = 01:00 the next day, 中午1点 = 13:00, 凌晨12点 = 00:00. Without one,
 *       hours 1 to 6 mean the afternoon (三点 = 15:00); 7 to 12 and 0 are read as they are. Without a
 *       day, a clock time is the next one to come (today if it is now or later, else tomorrow).
 *   <li>Offsets, as moments: 半小时后, 两个半小时后, 10分钟后, 2小时前.
 *   <li>Joined expressions: after 到, 至, 和, 或, 、, -, ~ an expression without its own day takes the
 *       previous one's day and part of the day (明天上午10点到12点: 12:00 tomorrow; 下午3点到5点: 17:00), and a
 *       bare weekday comes on or after the previous one (周一到周五).
 * </ul>
 *
 * <h2>What is not a datetime</h2>
 *
 * Numbers without a date or time word (3300000001, 100元, 两百五, 100度, 三个人, 3栋, 501室, 1楼); 号 after a
 * building, room, line, window … (5号楼, 3号线) or after a street (解放路12号); counts and decimals written
 * with 点 (三点五, 三点五元, 一点, 便宜一点, 两点建议, 第三点); recurring dates (每月5号, 每周三); invalid dates (2月30号).
 */
public final class DateTimeExtractor implements EntityExtractor {

  /** The entity name. */
  public static final String ENTITY = "datetime";

  /** The zone used by {@link #DateTimeExtractor()}. */
  public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mmXXX");

  private final ZoneId zone;

  /** An extractor resolving in Asia/Shanghai. */
  public DateTimeExtractor() {
    this(DEFAULT_ZONE);
  }

  /**
   * An extractor resolving in {@code zone}.
   *
   * @param zone the zone whose calendar and clock the customers speak in, not null
   */
  public DateTimeExtractor(ZoneId zone) {
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  /**
   * {@inheritDoc}
   *
   * @return the datetime entities in order of appearance; empty when there are none, when {@code
   *     text} or {@code at} is null
   */
  @Override
  public List<Entity> extract(String text, Instant at) {
    if (text == null || at == null || text.isEmpty()) {
      return List.of();
    }
    String normalised = TextNormalizer.toHalfWidth(text);
    if (normalised.length() != text.length()) {
      normalised = text; // spans must refer to the original text
    }
    if (!DateTimeParser.mayContainDateTime(normalised)) {
      return List.of();
    }
    LocalDateTime now = LocalDateTime.ofInstant(at, zone).truncatedTo(ChronoUnit.MINUTES);
    List<Entity> entities = new ArrayList<>();
    for (DateTimeMention mention : DateTimeParser.parse(normalised, now)) {
      entities.add(
          new Entity(
              ENTITY,
              value(mention),
              mention.start(),
              mention.end(),
              text.substring(mention.start(), mention.end())));
    }
    return entities;
  }

  private String value(DateTimeMention mention) {
    return mention.isMoment()
        ? format(mention.from())
        : format(mention.from()) + "/" + format(mention.to());
  }

  private String format(LocalDateTime local) {
    return local.atZone(zone).toOffsetDateTime().format(FORMAT);
  }
}
