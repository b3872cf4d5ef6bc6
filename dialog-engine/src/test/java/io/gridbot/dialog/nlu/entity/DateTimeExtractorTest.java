package io.gridbot.dialog.nlu.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.gridbot.dialog.nlu.Entity;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Expected values are written in local Shanghai time without offsets ("2026-11-28T10:00", or
 * "from/to" for a period) and completed with +08:00 by {@link #shanghai}; the exact format is
 * checked separately.
 */
class DateTimeExtractorTest {

  /** Friday 27 November 2026, 10:00 in Shanghai. */
  private static final Instant FRIDAY_10AM = at("2026-11-27T10:00+08:00");

  private final DateTimeExtractor extractor = new DateTimeExtractor();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // days
        "今天          | 2026-11-27T00:00/2026-11-28T00:00",
        "明天          | 2026-11-28T00:00/2026-11-29T00:00",
        "明日          | 2026-11-28T00:00/2026-11-29T00:00",
        "后天          | 2026-11-29T00:00/2026-11-30T00:00",
        "大后天        | 2026-11-30T00:00/2026-12-01T00:00",
        "昨天          | 2026-11-26T00:00/2026-11-27T00:00",
        "前天          | 2026-11-25T00:00/2026-11-26T00:00",
        "10月5号       | 2026-10-05T00:00/2026-10-06T00:00",
        "10月5日       | 2026-10-05T00:00/2026-10-06T00:00",
        "十月五日      | 2026-10-05T00:00/2026-10-06T00:00",
        "10.5号        | 2026-10-05T00:00/2026-10-06T00:00",
        "1月5号        | 2027-01-05T00:00/2027-01-06T00:00",
        "12号          | 2026-12-12T00:00/2026-12-13T00:00",
        "27号          | 2026-11-27T00:00/2026-11-28T00:00",
        "28日          | 2026-11-28T00:00/2026-11-29T00:00",
        "31号          | 2026-12-31T00:00/2027-01-01T00:00",
        "二十号        | 2026-12-20T00:00/2026-12-21T00:00",
        "2026年12月1日 | 2026-12-01T00:00/2026-12-02T00:00",
        "2026-12-01    | 2026-12-01T00:00/2026-12-02T00:00",
        "2026/12/01    | 2026-12-01T00:00/2026-12-02T00:00",
        "二〇二六年十二月一日 | 2026-12-01T00:00/2026-12-02T00:00",
        "下个月5号     | 2026-12-05T00:00/2026-12-06T00:00",
        // weekdays (the reference day is a Friday)
        "周五          | 2026-11-27T00:00/2026-11-28T00:00",
        "星期五        | 2026-11-27T00:00/2026-11-28T00:00",
        "礼拜五        | 2026-11-27T00:00/2026-11-28T00:00",
        "周日          | 2026-11-29T00:00/2026-11-30T00:00",
        "星期一        | 2026-11-30T00:00/2026-12-01T00:00",
        "下周五        | 2026-12-04T00:00/2026-12-05T00:00",
        "这周六        | 2026-11-28T00:00/2026-11-29T00:00",
        "本周一        | 2026-11-23T00:00/2026-11-24T00:00",
        "上周五        | 2026-11-20T00:00/2026-11-21T00:00",
        "下下周一      | 2026-12-07T00:00/2026-12-08T00:00",
        "下个星期天    | 2026-12-06T00:00/2026-12-07T00:00",
        // weeks, months, years
        "上周          | 2026-11-16T00:00/2026-11-23T00:00",
        "这周          | 2026-11-23T00:00/2026-11-30T00:00",
        "下周          | 2026-11-30T00:00/2026-12-07T00:00",
        "上个礼拜      | 2026-11-16T00:00/2026-11-23T00:00",
        "周末          | 2026-11-28T00:00/2026-11-30T00:00",
        "下周末        | 2026-12-05T00:00/2026-12-07T00:00",
        "上个月        | 2026-10-01T00:00/2026-11-01T00:00",
        "上月          | 2026-10-01T00:00/2026-11-01T00:00",
        "这个月        | 2026-11-01T00:00/2026-12-01T00:00",
        "本月          | 2026-11-01T00:00/2026-12-01T00:00",
        "下个月        | 2026-12-01T00:00/2027-01-01T00:00",
        "上上个月      | 2026-09-01T00:00/2026-10-01T00:00",
        "去年12月      | 2025-12-01T00:00/2026-01-01T00:00",
        "今年          | 2026-01-01T00:00/2027-01-01T00:00",
        "去年          | 2025-01-01T00:00/2026-01-01T00:00",
        "2026年12月    | 2026-12-01T00:00/2027-01-01T00:00",
        "12月          | 2025-12-01T00:00/2026-01-01T00:00",
        "11月份        | 2026-11-01T00:00/2026-12-01T00:00",
        "3月           | 2026-03-01T00:00/2026-04-01T00:00",
        "月底          | 2026-11-28T00:00/2026-12-01T00:00",
        "月初          | 2026-11-01T00:00/2026-11-04T00:00",
        "上个月底      | 2026-10-29T00:00/2026-11-01T00:00",
        "12月初        | 2026-12-01T00:00/2026-12-04T00:00",
        "11月中旬      | 2026-11-11T00:00/2026-11-21T00:00",
        // parts of the day
        "明天上午      | 2026-11-28T08:00/2026-11-28T12:00",
        "下周三下午    | 2026-12-02T13:00/2026-12-02T18:00",
        "今晚          | 2026-11-27T18:00/2026-11-28T00:00",
        "明早          | 2026-11-28T06:00/2026-11-28T09:00",
        "明天凌晨      | 2026-11-28T00:00/2026-11-28T06:00",
        "后天中午      | 2026-11-29T11:00/2026-11-29T13:00",
        "明天傍晚      | 2026-11-28T17:00/2026-11-28T19:00",
        "明天半夜      | 2026-11-28T00:00/2026-11-28T03:00",
        "12号上午      | 2026-12-12T08:00/2026-12-12T12:00",
        "下午          | 2026-11-27T13:00/2026-11-27T18:00",
        "早上          | 2026-11-28T06:00/2026-11-28T09:00",
        // clock times
        "三点          | 2026-11-27T15:00",
        "两点半        | 2026-11-27T14:30",
        "10点          | 2026-11-27T10:00",
        "10:30         | 2026-11-27T10:30",
        "十点一刻      | 2026-11-27T10:15",
        "十一点三刻    | 2026-11-27T11:45",
        "十点零五      | 2026-11-27T10:05",
        "10点30分      | 2026-11-27T10:30",
        "10时30分      | 2026-11-27T10:30",
        "十二点三十分  | 2026-11-27T12:30",
        "10点钟        | 2026-11-27T10:00",
        "一点钟        | 2026-11-27T13:00",
        "12点          | 2026-11-27T12:00",
        "9点           | 2026-11-28T09:00",
        "7点           | 2026-11-28T07:00",
        "0点           | 2026-11-28T00:00",
        "下午三点      | 2026-11-27T15:00",
        "下午3:30      | 2026-11-27T15:30",
        "晚上8点       | 2026-11-27T20:00",
        "晚上12点      | 2026-11-28T00:00",
        "中午12点      | 2026-11-27T12:00",
        "中午1点       | 2026-11-27T13:00",
        "凌晨2点       | 2026-11-28T02:00",
        "早上8点       | 2026-11-28T08:00",
        "明天上午10点  | 2026-11-28T10:00",
        "明天上午10点半 | 2026-11-28T10:30",
        "明天三点      | 2026-11-28T15:00",
        "后天晚上8点   | 2026-11-29T20:00",
        "今晚8点       | 2026-11-27T20:00",
        "今晚1点       | 2026-11-28T01:00",
        "明早8点       | 2026-11-28T08:00",
        "周五下午3点   | 2026-11-27T15:00",
        "下周三上午9点 | 2026-12-02T09:00",
        "2026年12月1日下午3点 | 2026-12-01T15:00",
        "2026-12-01 10:30 | 2026-12-01T10:30",
        "明天 上午 10点 | 2026-11-28T10:00",
        // offsets and recent spans
        "半小时后      | 2026-11-27T10:30",
        "半个小时后    | 2026-11-27T10:30",
        "两小时后      | 2026-11-27T12:00",
        "两个半小时后  | 2026-11-27T12:30",
        "10分钟后      | 2026-11-27T10:10",
        "2小时前       | 2026-11-27T08:00",
        "3天后         | 2026-11-30T00:00/2026-12-01T00:00",
        "两周后        | 2026-12-11T00:00/2026-12-12T00:00",
        "一个月后      | 2026-12-27T00:00/2026-12-28T00:00",
        "2天前         | 2026-11-25T00:00/2026-11-26T00:00",
        "3天内         | 2026-11-27T10:00/2026-11-30T10:00",
        "最近三个月    | 2026-08-27T00:00/2026-11-28T00:00",
        "近一周        | 2026-11-20T00:00/2026-11-28T00:00",
        "过去7天       | 2026-11-20T00:00/2026-11-28T00:00",
        "近半年        | 2026-05-27T00:00/2026-11-28T00:00",
      })
  void resolvesAnExpressionCoveringTheWholeText(String text, String expected) {
    // when
    List<Entity> entities = extractor.extract(text, FRIDAY_10AM);

    // then
    assertThat(entities)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.name()).isEqualTo("datetime");
              assertThat(e.value()).isEqualTo(shanghai(expected));
              assertThat(e.start()).isZero();
              assertThat(e.end()).isEqualTo(text.length());
              assertThat(e.text()).isEqualTo(text);
            });
  }

  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "预约明天上午10点上门检查电表 | 明天上午10点 | 2026-11-28T10:00",
        "上个月用了多少度电 | 上个月 | 2026-10-01T00:00/2026-11-01T00:00",
        "明天我们小区停电吗 | 明天 | 2026-11-28T00:00/2026-11-29T00:00",
        "我想约个下午两点 | 下午两点 | 2026-11-27T14:00",
        "幸福小区5号楼3栋2单元501室明天停电吗 | 明天 | 2026-11-28T00:00/2026-11-29T00:00",
        "帮我查一下去年12月的账单 | 去年12月 | 2025-12-01T00:00/2026-01-01T00:00",
        "电工大概半小时后到 | 半小时后 | 2026-11-27T10:30",
        "12号上午有空吗 | 12号上午 | 2026-12-12T08:00/2026-12-12T12:00",
        "户号3300000001这个月交了多少 | 这个月 | 2026-11-01T00:00/2026-12-01T00:00",
        "我电话13812345678，下周五上门 | 下周五 | 2026-12-04T00:00/2026-12-05T00:00",
        "今晚上8点能来吗 | 今晚上8点 | 2026-11-27T20:00",
        "今早上门的师傅没来 | 今早 | 2026-11-27T06:00/2026-11-27T09:00",
        "请在2026年12月1日前缴费 | 2026年12月1日 | 2026-12-01T00:00/2026-12-02T00:00",
        "三天后再来 | 三天后 | 2026-11-30T00:00/2026-12-01T00:00",
        "截止到月底 | 月底 | 2026-11-28T00:00/2026-12-01T00:00",
        "最近三个月的电费 | 最近三个月 | 2026-08-27T00:00/2026-11-28T00:00",
        "<b>明天</b>来修 | 明天 | 2026-11-28T00:00/2026-11-29T00:00",
        "😀明天😀 | 明天 | 2026-11-28T00:00/2026-11-29T00:00",
        "交了100元，明天三点能到账吗 | 明天三点 | 2026-11-28T15:00",
      })
  void findsTheExpressionInsideASentence(String sentence, String span, String expected) {
    // when
    List<Entity> entities = extractor.extract(sentence, FRIDAY_10AM);

    // then
    int start = sentence.indexOf(span);
    assertThat(entities)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.value()).isEqualTo(shanghai(expected));
              assertThat(e.start()).isEqualTo(start);
              assertThat(e.end()).isEqualTo(start + span.length());
              assertThat(e.text()).isEqualTo(span);
            });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "3栋",
        "2单元",
        "501室",
        "5号楼",
        "20号楼",
        "十五号楼",
        "100元",
        "3300000001",
        "13812345678",
        "第二个",
        "1楼",
        "三个人",
        "两百五",
        "100度",
        "10.5",
        "三点五元",
        "电价是零点五",
        "便宜一点",
        "快一点",
        "有两点建议",
        "第三点",
        "一时半会修不好",
        "解放路12号",
        "坐3号线",
        "去5号窗口",
        "12日元",
        "每月5号扣费",
        "每周三抄表",
        "一周三次",
        "两周三次",
        "5号电池",
        "买了1.5号电池",
        "2月30号",
        "这周围有停电吗",
        "上午好",
        "晚上好",
        "兑换5点积分",
        "绑定户号3300000001",
        "帮我交100元电费",
        "我家电费还剩多少",
        "几点停电",
        "幸福小区3栋2单元501",
        "版本1.2.3",
      })
  void findsNothingInTextsThatAreNotDatetimes(String text) {
    assertThat(extractor.extract(text, FRIDAY_10AM)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "明天上午10点到12点 | 明天上午10点=2026-11-28T10:00 ; 12点=2026-11-28T12:00",
        "下午3点到5点 | 下午3点=2026-11-27T15:00 ; 5点=2026-11-27T17:00",
        "周一到周五 | 周一=2026-11-30T00:00/2026-12-01T00:00 ; 周五=2026-12-04T00:00/2026-12-05T00:00",
        "明天或者后天 | 明天=2026-11-28T00:00/2026-11-29T00:00 ; 后天=2026-11-29T00:00/2026-11-30T00:00",
        "明天上午10点和下午3点 | 明天上午10点=2026-11-28T10:00 ; 下午3点=2026-11-28T15:00",
        "下周三下午3点到5点 | 下周三下午3点=2026-12-02T15:00 ; 5点=2026-12-02T17:00",
        "上个月和这个月 | 上个月=2026-10-01T00:00/2026-11-01T00:00 ; 这个月=2026-11-01T00:00/2026-12-01T00:00",
        "周六周日 | 周六=2026-11-28T00:00/2026-11-29T00:00 ; 周日=2026-11-29T00:00/2026-11-30T00:00",
        "周一至周五上午9点到下午5点 | 周一=2026-11-30T00:00/2026-12-01T00:00 ; 周五上午9点=2026-12-04T09:00 ; 下午5点=2026-12-04T17:00",
        "今天停电，明天来电 | 今天=2026-11-27T00:00/2026-11-28T00:00 ; 明天=2026-11-28T00:00/2026-11-29T00:00",
      })
  void givesOneEntityPerExpressionAndJoinedOnesShareTheDay(String text, String expected) {
    // when
    List<Entity> entities = extractor.extract(text, FRIDAY_10AM);

    // then
    String actual =
        entities.stream().map(e -> e.text() + "=" + e.value()).collect(Collectors.joining(" ; "));
    String wanted =
        Stream.of(expected.split(" ; "))
            .map(
                p -> p.substring(0, p.indexOf('=') + 1) + shanghai(p.substring(p.indexOf('=') + 1)))
            .collect(Collectors.joining(" ; "));
    assertThat(actual).isEqualTo(wanted);
  }

  @ParameterizedTest(name = "{1} at {0} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // a clock time or a part of the day without a day is the next one to come
        "2026-11-27T16:00+08:00 | 三点 | 2026-11-28T15:00",
        "2026-11-27T16:00+08:00 | 下午 | 2026-11-27T13:00/2026-11-27T18:00",
        "2026-11-27T19:00+08:00 | 下午 | 2026-11-28T13:00/2026-11-28T18:00",
        "2026-11-27T16:00+08:00 | 3点到5点 | 2026-11-28T15:00",
        // a day of the month: this month's if not past, else the next month that has it
        "2026-12-12T09:00+08:00 | 12号 | 2026-12-12T00:00/2026-12-13T00:00",
        "2027-01-31T09:00+08:00 | 30号 | 2027-03-30T00:00/2027-03-31T00:00",
        // weeks run from Monday to Sunday
        "2026-11-29T09:00+08:00 | 这周六 | 2026-11-28T00:00/2026-11-29T00:00",
        "2026-11-29T09:00+08:00 | 周日 | 2026-11-29T00:00/2026-11-30T00:00",
        "2026-11-29T09:00+08:00 | 下周一 | 2026-11-30T00:00/2026-12-01T00:00",
        // years around the turn of the year
        "2026-12-20T09:00+08:00 | 1月5号 | 2027-01-05T00:00/2027-01-06T00:00",
        "2027-01-03T09:00+08:00 | 12月 | 2026-12-01T00:00/2027-01-01T00:00",
        "2026-12-20T09:00+08:00 | 下个月 | 2027-01-01T00:00/2027-02-01T00:00",
        // seconds of the message time are dropped
        "2026-11-27T10:00:37+08:00 | 半小时后 | 2026-11-27T10:30",
        // the day is the day in Shanghai, not in UTC
        "2026-11-27T17:00Z | 今天 | 2026-11-28T00:00/2026-11-29T00:00",
      })
  void resolvesAgainstTheMessageTime(String messageTime, String text, String expected) {
    // when
    List<Entity> entities = extractor.extract(text, at(messageTime));

    // then
    assertThat(entities).isNotEmpty();
    assertThat(entities.get(0).value()).isEqualTo(shanghai(expected));
  }

  @Test
  void writesMomentsAndPeriodsAsIso8601WithOffsetAndWithoutSeconds() {
    // when
    List<Entity> entities = extractor.extract("明天上午10点，后天", FRIDAY_10AM);

    // then
    assertThat(entities)
        .extracting(Entity::value)
        .containsExactly("2026-11-28T10:00+08:00", "2026-11-29T00:00+08:00/2026-11-30T00:00+08:00");
  }

  @Test
  void resolvesInTheZoneGivenToTheConstructor() {
    // given
    DateTimeExtractor utc = new DateTimeExtractor(ZoneOffset.UTC);

    // when
    List<Entity> entities = utc.extract("明天", FRIDAY_10AM); // 02:00 on the 27th in UTC

    // then
    assertThat(entities)
        .extracting(Entity::value)
        .containsExactly("2026-11-28T00:00Z/2026-11-29T00:00Z");
  }

  @Test
  void givesEachEndOfAPeriodItsOwnOffsetAcrossADaylightSavingChange() {
    // given
    DateTimeExtractor newYork = new DateTimeExtractor(ZoneId.of("America/New_York"));

    // when: clocks move forward on 8 March 2026
    List<Entity> entities = newYork.extract("明天", at("2026-03-07T12:00-05:00"));

    // then
    assertThat(entities)
        .extracting(Entity::value)
        .containsExactly("2026-03-08T00:00-05:00/2026-03-09T00:00-04:00");
  }

  @Test
  void readsFullWidthDigitsAndKeepsTheOriginalSpan() {
    // when
    List<Entity> entities = extractor.extract("明天上午１０点或１０：３０", FRIDAY_10AM);

    // then
    assertThat(entities)
        .extracting(Entity::text, Entity::value)
        .containsExactly(
            tuple("明天上午１０点", "2026-11-28T10:00+08:00"), tuple("１０：３０", "2026-11-28T10:30+08:00"));
  }

  @Test
  void findsNothingWithoutAMessageTime() {
    assertThat(extractor.extract("明天", null)).isEmpty();
  }

  static Stream<String> hostileTexts() {
    Random random = new Random(42);
    String alphabet = "0123456789零一二两三四五六七八九十百号日月年周星期礼拜天点时分半刻后前内上下午晚早今明昨这本个到:-./ 楼栋元度";
    Stream<String> fixed =
        Stream.of(
            "",
            " ",
            "😀😀😀",
            "<script>alert('明天')</script>",
            "'; DROP TABLE bills; --",
            "SELECT * FROM bills WHERE day='2026-12-01'",
            "\u0000\uFFFF\uD83D",
            "号号号号号",
            "点点点点",
            "1".repeat(1000),
            "明天".repeat(500),
            "三点".repeat(500),
            "１２３４５６７８９０".repeat(100));
    Stream<String> generated =
        IntStream.range(0, 50)
            .mapToObj(
                i ->
                    random
                        .ints(1000, 0, alphabet.length() + 200)
                        .mapToObj(
                            c ->
                                c < alphabet.length()
                                    ? String.valueOf(alphabet.charAt(c))
                                    : String.valueOf((char) (0x4E00 + random.nextInt(20000))))
                        .collect(Collectors.joining()));
    return Stream.concat(fixed, generated);
  }

  @ParameterizedTest
  @MethodSource("hostileTexts")
  void neverThrowsAndEverySpanPointsIntoTheText(String text) {
    // when
    List<Entity> entities = extractor.extract(text, FRIDAY_10AM);

    // then
    assertThat(entities)
        .allSatisfy(
            e -> {
              assertThat(e.text()).isEqualTo(text.substring(e.start(), e.end()));
              assertThat(e.value())
                  .matches(
                      "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}\\+08:00(/\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}\\+08:00)?");
            });
    assertThat(entities)
        .isSortedAccordingTo((a, b) -> Integer.compare(a.start(), b.start()))
        .allSatisfy(e -> assertThat(e.end()).isGreaterThan(e.start()));
  }

  @Test
  void findsEveryRepetitionOfAnExpression() {
    assertThat(extractor.extract("明天".repeat(500), FRIDAY_10AM)).hasSize(500);
  }

  @Test
  void givesTheSameAnswersFromManyThreadsAtOnce() {
    // given
    List<String> texts = List.of("预约明天上午10点上门", "下周三下午3点到5点", "上个月的账单", "半小时后到", "12号上午");
    List<List<Entity>> sequential =
        texts.stream().map(t -> extractor.extract(t, FRIDAY_10AM)).toList();

    // when
    List<List<List<Entity>>> parallel =
        IntStream.range(0, 200)
            .parallel()
            .mapToObj(i -> texts.stream().map(t -> extractor.extract(t, FRIDAY_10AM)).toList())
            .toList();

    // then
    assertThat(parallel).allSatisfy(result -> assertThat(result).isEqualTo(sequential));
  }

  private static Instant at(String offsetDateTime) {
    return OffsetDateTime.parse(offsetDateTime).toInstant();
  }

  /** "2026-11-28T10:00" or "2026-11-28T00:00/2026-11-29T00:00" with +08:00 on each end. */
  private static String shanghai(String local) {
    return Stream.of(local.split("/")).map(t -> t + "+08:00").collect(Collectors.joining("/"));
  }
}
