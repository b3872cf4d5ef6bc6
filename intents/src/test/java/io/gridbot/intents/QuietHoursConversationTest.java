package io.gridbot.intents;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.dialog.ConversationId;
import io.gridbot.dialog.MessageProcessor;
import io.gridbot.dialog.TurnOutcome;
import io.gridbot.dialog.channel.UserMessage;
import io.gridbot.dialog.store.StateStore;
import io.gridbot.dialog.store.StateStores;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.subscription.QuietHours;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Quiet hours through the whole assistant (the real NLU, the subscription forms), on in-memory
 * quiet hours: customers set, see, turn off and reset them in their own words, on any channel.
 */
class QuietHoursConversationTest {

  private final FakeQuietHours quiet = new FakeQuietHours();
  private final StateStore state = StateStores.inMemoryStateStore();
  private final MessageProcessor processor =
      TestAssistant.processor(
          Assistant.domain(
              TestServices.on(FakeAccounts.demo()).with(s -> s.subscriptions = quiet),
              state,
              new Templates(n -> 0)),
          state,
          (message, parse, replies) -> {});

  private TurnOutcome turn(ChannelUser user, String text) {
    return processor.process(
        new UserMessage(
            new ConversationId(user.channel(), user.userId()),
            UUID.randomUUID().toString(),
            text,
            Instant.now()));
  }

  /** The one reply's template key and text, "key: text". */
  private String say(ChannelUser user, String text) {
    TurnOutcome outcome = turn(user, text);
    assertThat(outcome.replies()).as(text).hasSize(1);
    return outcome.templates().get(0) + ": " + outcome.replies().get(0).asText();
  }

  private static ChannelUser user(String channel) {
    return new ChannelUser(channel, channel + "-" + UUID.randomUUID());
  }

  @Test
  void aWindowIsSetAfterConfirmationAndTheReplySaysWhatWasSet() {
    ChannelUser user = user("wechat");

    assertThat(say(user, "晚上9点到早上6点别给我发消息"))
        .startsWith("quiet.confirm_set")
        .contains("每天21:00至次日06:00")
        .contains("紧急通知照常发送");
    assertThat(quiet.changes).isZero();

    assertThat(say(user, "确认"))
        .isEqualTo("quiet.done_set: 好的，每天21:00至次日06:00不再推送普通通知（停电抢修等紧急通知除外）。");
    assertThat(quiet.quietHours(user)).contains(QuietHours.parse("21:00-06:00"));
  }

  @Test
  void aStartAloneKeepsTheEndOfTheCurrentHours() {
    ChannelUser user = user("wechat");
    quiet.own.put(user, Optional.of(QuietHours.parse("23:00-06:30")));

    assertThat(say(user, "晚上九点以后不要推送了")).contains("每天21:00至次日06:30");
    say(user, "好的");

    assertThat(quiet.quietHours(user)).contains(QuietHours.parse("21:00-06:30"));
  }

  @Test
  void anAlipayCustomerChangesOnlyTheirOwnHoursWithoutABoundAccount() {
    ChannelUser alipay = user("alipay");
    ChannelUser wechat = user("wechat");

    assertThat(say(alipay, "免打扰时间改成23点到6点")).contains("每天23:00至次日06:00");
    assertThat(say(alipay, "确认")).startsWith("quiet.done_set");

    assertThat(quiet.quietHours(alipay)).contains(QuietHours.parse("23:00-06:00"));
    assertThat(quiet.quietHours(wechat)).contains(QuietHours.DEFAULT);
  }

  @Test
  void askingForWhatIsAlreadySoChangesNothing() {
    ChannelUser user = user("web");

    assertThat(say(user, "晚上10点到早上7点别给我发消息"))
        .isEqualTo("quiet.already_set: 您的免打扰时间本来就是每天22:00至次日07:00，不用改。");
    assertThat(say(user, "夜里不要打扰我"))
        .startsWith("quiet.already_on: 每天22:00至次日07:00本来就不会给您推送普通通知")
        .contains("紧急通知除外");
    assertThat(say(user, "免打扰恢复默认")).startsWith("quiet.already_default");
    assertThat(quiet.changes).isZero();
  }

  @Test
  void showsTheHoursTheDefaultAndWhenTheyAreOff() {
    ChannelUser user = user("wechat");

    assertThat(say(user, "我的免打扰是几点"))
        .startsWith("quiet.show: 您的免打扰时间是每天22:00至次日07:00（默认设置）")
        .contains("07:00以后再发")
        .contains("紧急通知随时发送");

    quiet.own.put(user, Optional.of(QuietHours.parse("12:00-14:00")));
    assertThat(say(user, "我的免打扰是几点"))
        .startsWith("quiet.show: 您的免打扰时间是每天12:00至14:00：")
        .doesNotContain("默认")
        .doesNotContain("次日");

    quiet.own.put(user, Optional.empty());
    assertThat(say(user, "免打扰时间是多久")).startsWith("quiet.show_off");
  }

  @Test
  void cancellingQuietHoursTurnsThemOffAndSaysUrgentNoticesAlwaysCame() {
    ChannelUser user = user("wechat");

    assertThat(say(user, "取消免打扰")).startsWith("quiet.confirm_off").contains("夜里也会");
    assertThat(say(user, "确认"))
        .startsWith("quiet.done_off: 好的，已取消免打扰，以后任何时间都会及时给您推送通知")
        .contains("紧急通知本来就随时发送");

    assertThat(quiet.quietHours(user)).isEmpty();
    assertThat(say(user, "取消免打扰")).startsWith("quiet.already_off");
  }

  @Test
  void aCustomerWhoWantsNoticesAtAnyHourGetsThemAtAnyHour() {
    ChannelUser user = user("web");

    assertThat(say(user, "什么时候都可以通知我")).startsWith("quiet.confirm_off");
    say(user, "确认");

    assertThat(quiet.quietHours(user)).isEmpty();
  }

  @Test
  void notAtNightTurnsTheDefaultBackOnForACustomerWhoHadTurnedItOff() {
    ChannelUser user = user("wechat");
    quiet.own.put(user, Optional.empty());

    assertThat(say(user, "夜里不要打扰我"))
        .startsWith("quiet.confirm_default")
        .contains("每天22:00至次日07:00");
    assertThat(say(user, "确认")).startsWith("quiet.done_default");

    assertThat(quiet.quietHours(user)).contains(QuietHours.DEFAULT);
    assertThat(quiet.own).doesNotContainKey(user);
  }

  @Test
  void notAtNightOffersTheDefaultToACustomerWhoseHoursAreADaytimeNap() {
    ChannelUser user = user("wechat");
    quiet.own.put(user, Optional.of(QuietHours.parse("12:00-14:00")));

    assertThat(say(user, "夜里不要打扰我"))
        .startsWith("quiet.confirm_default")
        .contains("每天22:00至次日07:00");
    say(user, "确认");

    assertThat(quiet.quietHours(user)).contains(QuietHours.DEFAULT);
  }

  @Test
  void notAtNightIsAlreadySoForOwnHoursOverTheNight() {
    ChannelUser user = user("wechat");
    quiet.own.put(user, Optional.of(QuietHours.parse("00:30-05:00")));

    assertThat(say(user, "夜里不要打扰我")).startsWith("quiet.already_on: 每天00:30至05:00本来就不会");
    assertThat(quiet.changes).isZero();
  }

  @Test
  void anOwnWindowIsResetToTheDefault() {
    ChannelUser user = user("wechat");
    quiet.own.put(user, Optional.of(QuietHours.parse("20:00-09:00")));

    assertThat(say(user, "免打扰恢复默认")).startsWith("quiet.confirm_default");
    say(user, "确认");

    assertThat(quiet.quietHours(user)).contains(QuietHours.DEFAULT);
  }

  @Test
  void anUnclearWindowIsAskedAgainWithAnExample() {
    ChannelUser user = user("wechat");

    assertThat(say(user, "免打扰改成晚上11点")).startsWith("quiet.retry_window").contains("比如“晚上10点到早上7点”");
    assertThat(say(user, "随便吧")).startsWith("quiet.retry_window");
    assertThat(say(user, "晚上11点到早上6点")).startsWith("quiet.confirm_set").contains("每天23:00至次日06:00");
    say(user, "确认");

    assertThat(quiet.quietHours(user)).contains(QuietHours.parse("23:00-06:00"));
  }

  @Test
  void aWindowOfNoLengthIsAskedAgain() {
    ChannelUser user = user("wechat");

    assertThat(say(user, "晚上10点到晚上10点别发消息")).startsWith("quiet.retry_window");
    assertThat(say(user, "22点到22点")).startsWith("quiet.retry_window");
    assertThat(say(user, "十点半到六点")).contains("每天22:30至次日06:00");
    say(user, "确认");

    assertThat(quiet.quietHours(user)).contains(QuietHours.parse("22:30-06:00"));
  }

  @Test
  void changingWithoutTimesAsksForThem() {
    ChannelUser user = user("wechat");

    assertThat(say(user, "免打扰时间改一下"))
        .isEqualTo("quiet.ask_window: 请告诉我每天从几点到几点不给您推送通知，比如“晚上10点到早上7点”。");
    assertThat(say(user, "中午12点到2点")).contains("每天12:00至14:00");
  }

  @Test
  void aCancelledChangeChangesNothing() {
    ChannelUser user = user("wechat");

    assertThat(say(user, "晚上9点到早上6点别发")).startsWith("quiet.confirm_set");
    assertThat(say(user, "不用了")).isEqualTo("quiet.cancelled: 好的，免打扰时间没有改。");

    assertThat(quiet.changes).isZero();
  }

  @Test
  void threeUnclearAnswersGiveUpWithoutChangingAnything() {
    ChannelUser user = user("wechat");

    say(user, "免打扰时间改一下");
    assertThat(say(user, "啊这")).startsWith("quiet.retry_window");
    assertThat(say(user, "那个那个")).startsWith("quiet.retry_window");
    assertThat(say(user, "xyz")).startsWith("form.give_up");

    assertThat(quiet.changes).isZero();
    assertThat(say(user, "我的免打扰是几点")).startsWith("quiet.show");
  }

  @Test
  void subscriptionsAreStillSubscriptions() {
    ChannelUser user = user("wechat");

    assertThat(say(user, "我想订阅提醒")).startsWith("account.none");
    assertThat(say(user, "别再给我发任何通知了")).startsWith("unsubscribe.confirm_all");
    assertThat(quiet.changes).isZero();
  }
}
