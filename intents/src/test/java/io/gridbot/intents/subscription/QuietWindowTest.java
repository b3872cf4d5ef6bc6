package io.gridbot.intents.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.service.subscription.QuietHours;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuietWindowTest {

  private static final QuietHours DEFAULT = QuietHours.DEFAULT;
  private static final QuietHours OWN = QuietHours.parse("23:00-06:00");

  private static Optional<String> window(String text, QuietHours current) {
    return QuietWindow.parse(text, current).map(q -> q.start() + "-" + q.end());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // parts of the day
        "晚上10点到早上7点别给我发消息 | 22:00-07:00",
        "晚上十点到早上七点 | 22:00-07:00",
        "晚上10点到第二天早上7点 | 22:00-07:00",
        "晚10点到早7点不要推送 | 22:00-07:00",
        "夜里11点半到早上6点 | 23:30-06:00",
        "晚上12点到早上6点 | 00:00-06:00",
        "半夜12点到凌晨5点 | 00:00-05:00",
        "凌晨1点到早上5点 | 01:00-05:00",
        "中午12点到下午2点别打扰我 | 12:00-14:00",
        "中午12点到2点 | 12:00-14:00",
        "下午1点到3点 | 13:00-15:00",
        "下午两点到四点半 | 14:00-16:30",
        "上午9点到11点 | 09:00-11:00",
        "傍晚6点到晚上8点 | 18:00-20:00",
        "晚上8点到11点 | 20:00-23:00",
        "晚上9点到次日8点 | 21:00-08:00",
        // 24-hour clock, colons, minutes
        "免打扰时间改成23点到6点 | 23:00-06:00",
        "23点到7点 | 23:00-07:00",
        "二十二点到七点 | 22:00-07:00",
        "二十三点三十分到六点 | 23:30-06:00",
        "22:00-07:00 | 22:00-07:00",
        "22:30~06:45 | 22:30-06:45",
        "２２：００－０７：００ | 22:00-07:00",
        "21:30至6:00 | 21:30-06:00",
        "22点30分到7点15分 | 22:30-07:15",
        "22点30到7点 | 22:30-07:00",
        "十点一刻到六点三刻 | 22:15-06:45",
        "十点零五分到六点 | 22:05-06:00",
        "0点到6点 | 00:00-06:00",
        "零点到六点 | 00:00-06:00",
        "24点到6点 | 00:00-06:00",
        "22時到7時 | 22:00-07:00",
        "晚上10點到早上7點 | 22:00-07:00",
        "晚上10点钟到早上7点钟 | 22:00-07:00",
        "从晚上10点一直到早上7点都别发 | 22:00-07:00",
        "晚上10点以后到早上7点 | 22:00-07:00",
        // bare hours: the shortest window, then the later start
        "10点到7点 | 22:00-07:00",
        "十点半到六点 | 22:30-06:00",
        "9点到6点 | 21:00-06:00",
        "12点到2点 | 12:00-14:00",
        "晚上11点到12点 | 23:00-00:00",
        "10点到早上6点 | 22:00-06:00",
        "10点到晚上10点 | 10:00-22:00",
      })
  void readsARange(String text, String expected) {
    assertThat(window(text, DEFAULT)).as(text).contains(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "晚上九点以后不要推送了 | 21:00-06:00",
        "晚上9点之后别发消息 | 21:00-06:00",
        "9点以后别给我发 | 21:00-06:00",
        "晚上十点后不要打扰 | 22:00-06:00",
        "晚上10点起不要推送 | 22:00-06:00",
        "早上8点以前别发 | 23:00-08:00",
        "早上七点半之前不要推送 | 23:00-07:30",
        "8点前不要打扰我 | 23:00-08:00",
        "早上8点以后再发 | 23:00-08:00",
        "早上9点以后再给我发消息 | 23:00-09:00",
      })
  void completesAStartOrAnEndFromTheCurrentHours(String text, String expected) {
    assertThat(window(text, OWN)).as(text).contains(expected);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "晚上九点以后不要推送了",
        "晚上21点以后不要推送了",
      })
  void aStartAloneEndsWhenTheDefaultEnds(String text) {
    assertThat(window(text, DEFAULT)).contains("21:00-07:00");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        // zero length
        "晚上10点到晚上10点",
        "22点到22点",
        "10点到10点",
        "晚上10点到10点",
        "22:00-22:00",
        "晚上10点到22点",
        "0点到24点",
        "早上7点以后不要推送",
        // not a time of day
        "25点到7点",
        "晚上10点到早上70点",
        "10点70分到7点",
        "22:75-07:00",
        "二十五点到七点",
        // a single time without 以后/以前, or none at all
        "晚上10点别发",
        "免打扰改成晚上11点",
        "免打扰时间改一下",
        "夜里不要打扰我",
        "什么时候都可以通知我",
        "别早一点发",
        "",
      })
  void refusesWhatIsUnclearOrOfNoLength(String text) {
    assertThat(window(text, DEFAULT)).as(text).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"10点", "晚上十点", "22:00", "十点半", "夜里两点", "7时"})
  void mentionsATimeOfDay(String text) {
    assertThat(QuietWindow.mentionsTime(text)).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"我的免打扰是几点", "能不能早一点通知我", "少发一点", "24小时都可以", "免打扰时间"})
  void doesNotTakeOtherWordsForATime(String text) {
    assertThat(QuietWindow.mentionsTime(text)).isFalse();
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({"七,7", "十,10", "十五,15", "二十,20", "二十三,23", "两,2", "零五,5", "零,0", "〇,0", "05,5"})
  void readsNumerals(String said, int value) {
    assertThat(QuietWindow.number(said)).isEqualTo(value);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"十十", "二二", "百", "一十一十", "零零"})
  void refusesMalformedNumerals(String said) {
    assertThat(QuietWindow.number(said)).isNull();
  }
}
