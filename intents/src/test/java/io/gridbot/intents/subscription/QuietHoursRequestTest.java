package io.gridbot.intents.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuietHoursRequestTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "晚上10点到早上7点别给我发消息 | SET",
        "晚上九点以后不要推送了 | SET",
        "免打扰时间改成23点到6点 | SET",
        "免打扰改成晚上11点 | SET",
        "免打扰时间改一下 | SET",
        "我想修改免打扰 | SET",
        "早上8点以前别发 | SET",
        "早上8点以后再发 | SET",
        "22:00-07:00不要推送 | SET",
        "十点到七点不要打扰我 | SET",
        "晚上10点以后别吵我 | SET",
        "午休的时候别发消息 | SET",
        "中午休息的时候别发消息 | SET",
        "下午不要给我推送 | SET",
        "白天别发消息 | SET",
        "晚上9点半以后别发通知了 | SET",
        "十一点到六点别打扰 | SET",
        "晚上十點到早上七點不要推送 | SET",
        "我的免打扰是几点 | SHOW",
        "免打扰时间是多久 | SHOW",
        "现在免打扰是什么时候 | SHOW",
        "能设置免打扰吗 | SHOW",
        "免打扰设置是怎样的 | SHOW",
        "免打扰的时间是几点到几点 | SHOW",
        "晚上几点以后不推送 | SHOW",
        "你们什么时候不发消息 | SHOW",
        "取消免打扰 | OFF",
        "关闭免打扰 | OFF",
        "免打扰不要了 | OFF",
        "把免打扰关掉 | OFF",
        "什么时候都可以通知我 | OFF",
        "任何时候都可以发 | OFF",
        "晚上也可以发 | OFF",
        "半夜也可以通知我 | OFF",
        "几点都行 | OFF",
        "24小时都可以推送 | OFF",
        "晚上也要提醒我 | OFF",
        "我想晚上也收到通知 | OFF",
        "帮我把免打扰取消了 | OFF",
        "白天晚上都可以发 | OFF",
        "晚上有通知也发给我 | OFF",
        "不管白天晚上都可以通知我 | OFF",
        "免打扰恢复默认 | DEFAULT",
        "免打扰改回原来的 | DEFAULT",
        "夜里不要打扰我 | ON",
        "晚上别给我发消息 | ON",
        "半夜不要推送 | ON",
        "睡觉的时候别吵我 | ON",
        "别在晚上发通知 | ON",
        "夜里别发短信吵我 | ON",
        "晚上的停电通知也不要发 | ON",
        "半夜别发了 吵醒了 | ON",
        "免打扰 | ON",
        "开启免打扰 | ON",
        "设置免打扰 不要推送 | ON",
      })
  void readsWhatIsAsked(String text, QuietHoursRequest expected) {
    assertThat(QuietHoursRequest.of(text)).as(text).contains(expected);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "别再给我发停电通知了",
        "别再给我发任何通知了",
        "我订阅了哪些提醒",
        "余额不足50元的时候提醒我",
        "订阅停电通知",
        "停电了随时通知我",
        "退订",
        "不好意思打扰一下 我想订阅提醒",
        "半夜还发消息 给我关了",
        "白天也要提醒我交费",
        "每个月账单发给我",
        "",
      })
  void leavesSubscriptionsAlone(String text) {
    assertThat(QuietHoursRequest.of(text)).as(text).isEmpty();
  }
}
