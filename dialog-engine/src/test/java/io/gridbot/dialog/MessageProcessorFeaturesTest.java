package io.gridbot.dialog;

import static io.gridbot.dialog.TestEngine.ALICE;
import static io.gridbot.dialog.TestEngine.said;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.dialog.action.Action;
import io.gridbot.dialog.channel.Location;
import io.gridbot.dialog.channel.Reply;
import io.gridbot.dialog.channel.UserMessage;
import io.gridbot.dialog.form.Form;
import io.gridbot.dialog.form.SlotSpec;
import io.gridbot.dialog.handoff.HandoffDesk;
import io.gridbot.dialog.nlu.Entity;
import io.gridbot.dialog.nlu.IntentClassifier;
import io.gridbot.dialog.nlu.IntentRanking;
import io.gridbot.dialog.policy.Domain;
import io.gridbot.dialog.store.StateStores;
import io.gridbot.dialog.tracker.Event;
import io.gridbot.dialog.tracker.Tracker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The processor's conversation features beyond one intent and one form. */
class MessageProcessorFeaturesTest {

  private static final String USER = Tracker.SESSION_PREFIX + "user";

  private final AtomicInteger payments = new AtomicInteger();

  /** Keywords, and "电" alone is ambiguous: pay, an unlabelled intent and outage, all unsure. */
  private static final IntentClassifier NLU =
      text -> {
        if (text.contains("电") && !text.contains("电费") && !text.contains("停电了")) {
          return List.of(
              new IntentRanking("pay", 0.4),
              new IntentRanking("smalltalk", 0.35),
              new IntentRanking("outage_query", 0.2));
        }
        return TestEngine.keywords(
                "登录", "login",
                "余额", "check_balance",
                "人工", "human",
                "停电了", "report",
                "停电", "outage_query",
                "交", "pay",
                "好的", "affirm",
                "算了", "deny")
            .rank(text);
      };

  private final Form payForm =
      Form.named("pay_form")
          .slot(
              SlotSpec.named("amount")
                  .entity("amount")
                  .prompt(said("交多少？"))
                  .parser(t -> t.matches("\\d+") ? Optional.of(t) : Optional.empty())
                  .build())
          .confirm(
              t ->
                  new Event.BotUttered(
                      Reply.text("交" + t.slot("amount").orElseThrow() + "元？"), "pay.confirm"))
          .submit(
              t -> {
                payments.incrementAndGet();
                String amount = t.slot("amount").orElseThrow();
                return List.of(
                    new Event.SlotSet(Tracker.SESSION_PREFIX + "last_paid", amount),
                    new Event.BotUttered(Reply.text("已交" + amount + "元"), "pay.done"));
              })
          .cancelled(said("已取消"))
          .giveUp(said("转人工吧"))
          .build();

  private final Form reportForm =
      Form.named("report_form")
          .slot(
              SlotSpec.named("place")
                  .entity(MessageProcessor.LOCATION_ENTITY)
                  .prompt(said("请发送位置"))
                  .parser(v -> Location.parse(v, null).map(Location::coordinates))
                  .build())
          .slot(
              SlotSpec.named("photo")
                  .entity(MessageProcessor.IMAGE_ENTITY)
                  .prompt(said("请拍一张照片"))
                  .parser(v -> v.startsWith("media-") ? Optional.of(v) : Optional.empty())
                  .build())
          .submit(
              t ->
                  List.of(
                      new Event.BotUttered(
                          Reply.text(
                              "已登记 "
                                  + t.slot("place").orElseThrow()
                                  + " "
                                  + t.slot("photo").orElseThrow()),
                          "report.done")))
          .cancelled(said("已取消"))
          .giveUp(said("转人工吧"))
          .build();

  private Domain domain() {
    return Domain.builder()
        .on(
            "login",
            Action.of(
                "login",
                t ->
                    List.of(
                        new Event.SlotSet(USER, "u-1"),
                        new Event.BotUttered(Reply.text("已登录"), "login.done"))),
            false)
        .on(
            "check_balance",
            Action.of(
                "balance",
                t ->
                    List.of(
                        new Event.BotUttered(Reply.text("余额12.50"), "balance"),
                        new Event.BotUttered(Reply.options("还要什么？", List.of("交费", "没了"))))),
            true)
        .on(
            "outage_query",
            Action.of("outage", t -> List.of(new Event.BotUttered(Reply.text("暂无停电计划"), "outage"))),
            true)
        .on(
            "human",
            Action.of(
                "human",
                t ->
                    List.of(
                        new Event.HandoffRequested("asked"),
                        new Event.BotUttered(Reply.text("正在转人工"), "handoff.queued"))),
            false)
        .on("pay", payForm)
        .on("report", reportForm)
        .label("pay", "交电费")
        .label("outage_query", "停电查询")
        .label("check_balance", "查余额")
        .didYouMean(labels -> new Event.BotUttered(Reply.text("您是想办理哪项？"), "did_you_mean"))
        .offerHuman(said("要转人工吗？"))
        .handoffLeft(said("好的，不转人工了"))
        .welcomeBack(
            form -> new Event.BotUttered(Reply.text("欢迎回来，" + form + "没办完"), "welcome_back"))
        .fallback(
            Action.of(
                "fallback", t -> List.of(new Event.BotUttered(Reply.text("没听懂"), "fallback"))))
        .failureText("出错了")
        .build();
  }

  private final TestEngine engine = new TestEngine(domain(), NLU);

  @Test
  void unsureIntentAsksWhichOfTheTopTwoLabelledIntentsWasMeant() {
    // when
    TurnOutcome outcome = engine.processor.process(engine.message("那个电100元"));

    // then the unlabelled intent ranked second is skipped
    assertThat(outcome.replies())
        .containsExactly(Reply.options("您是想办理哪项？", List.of("交电费", "停电查询")));
    assertThat(outcome.templates()).containsExactly("did_you_mean");
    assertThat(engine.tracker().slot(MessageProcessor.SUGGESTED_SLOT)).contains("pay,outage_query");
  }

  @Test
  void pickingTheFirstSuggestionRunsItWithTheEarlierMessagesEntities() {
    engine.say("那个电100元");

    assertThat(engine.say("1")).containsExactly("交100元？\n1. 确认\n2. 取消");
    assertThat(engine.tracker().activeForm()).contains("pay_form");
    assertThat(engine.tracker().slot(MessageProcessor.SUGGESTED_SLOT)).isEmpty();
    assertThat(engine.tracker().slot(MessageProcessor.FALLBACKS_SLOT)).isEmpty();
    assertThat(engine.say("好的")).containsExactly("已交100元");
  }

  @Test
  void pickingASuggestionByItsLabelRunsIt() {
    engine.say("那个电100元");

    assertThat(engine.say("停电查询")).containsExactly("暂无停电计划");
  }

  @Test
  void secondMisunderstandingInARowOffersAHuman() {
    // given
    assertThat(engine.say("那个电")).hasSize(1).first().asString().startsWith("您是想办理哪项？");

    // when
    TurnOutcome second = engine.processor.process(engine.message("嗯嗯嗯"));

    // then
    assertThat(second.templates()).containsExactly("要转人工吗？");
    assertThat(engine.tracker().slot(MessageProcessor.FALLBACKS_SLOT)).isEmpty();
    assertThat(engine.tracker().slot(MessageProcessor.SUGGESTED_SLOT)).isEmpty();
    assertThat(engine.say("嗯嗯嗯")).as("the count starts again").containsExactly("没听懂");
  }

  @Test
  void twoPlainFallbacksInARowOfferAHuman() {
    assertThat(engine.say("嗯嗯")).containsExactly("没听懂");
    assertThat(engine.say("啊啊")).containsExactly("要转人工吗？");
  }

  @Test
  void understoodMessageResetsTheMisunderstandings() {
    engine.say("嗯嗯");
    engine.say("查余额");

    assertThat(engine.say("啊啊")).containsExactly("没听懂");
  }

  @Test
  void sessionSlotsOutliveAForm() {
    // given a session slot set before the form and one set by its submission
    engine.say("登录");
    engine.say("交100元");

    // when the form ends
    engine.say("1");

    // then
    Tracker tracker = engine.tracker();
    assertThat(tracker.activeForm()).isEmpty();
    assertThat(tracker.slot("amount")).isEmpty();
    assertThat(tracker.slot(USER)).contains("u-1");
    assertThat(tracker.slot(Tracker.SESSION_PREFIX + "last_paid")).contains("100");
  }

  @Test
  void handoffRequestPutsTheConversationInTheQueue() {
    assertThat(engine.say("转人工")).containsExactly("正在转人工");

    assertThat(engine.desk.status(ALICE)).isEqualTo(HandoffDesk.Status.QUEUED);
    assertThat(engine.desk.reason(ALICE)).isEqualTo("asked");
    assertThat(engine.desk.waiting()).containsExactly(ALICE);
  }

  @Test
  void queuedCustomerIsStillAnsweredByTheRobot() {
    engine.say("转人工");

    assertThat(engine.say("查余额")).startsWith("余额12.50");
    assertThat(engine.desk.status(ALICE)).isEqualTo(HandoffDesk.Status.QUEUED);
  }

  @Test
  void heldConversationGetsNoRepliesButKeepsTheMessage() {
    // given an agent holds the conversation
    engine.say("转人工");
    assertThat(engine.desk.claim(ALICE)).isTrue();

    // when
    UserMessage message = engine.message("查余额");
    TurnOutcome outcome = engine.processor.process(message);

    // then
    assertThat(outcome.replies()).isEmpty();
    assertThat(outcome.templates()).isEmpty();
    assertThat(engine.tracker().latestMessage().orElseThrow().messageId())
        .isEqualTo(message.messageId());
    assertThat(engine.journal).endsWith(message.messageId());
  }

  @Test
  void releasedConversationIsAnsweredAgain() {
    engine.say("转人工");
    engine.desk.claim(ALICE);
    engine.say("查余额");
    engine.desk.release(ALICE);

    assertThat(engine.say("查余额")).startsWith("余额12.50");
  }

  @Test
  void queuedCustomerWhoDeniesLeavesTheQueue() {
    engine.say("转人工");

    assertThat(engine.say("算了")).containsExactly("好的，不转人工了");
    assertThat(engine.desk.status(ALICE)).isEqualTo(HandoffDesk.Status.NONE);
    assertThat(engine.desk.waiting()).isEmpty();
  }

  @Test
  void denialInsideAFormCancelsTheFormNotTheQueue() {
    engine.say("转人工");
    engine.say("交电费");

    assertThat(engine.say("算了")).containsExactly("已取消");
    assertThat(engine.desk.status(ALICE)).isEqualTo(HandoffDesk.Status.QUEUED);
  }

  @Test
  void customerIsWelcomedBackWhenTheirFormExpiredWithTheConversation() {
    // given a form left unfinished until the conversation expired
    TestEngine shortLived =
        new TestEngine(
            domain(),
            NLU,
            new DialogSettings(null, Duration.ofMillis(100), null, null, null, null, null),
            StateStores.inMemoryStateStore(),
            null);
    assertThat(shortLived.say("交电费")).containsExactly("交多少？");
    pause(Duration.ofMillis(250));

    // when
    TurnOutcome back = shortLived.processor.process(shortLived.message("查余额"));

    // then
    assertThat(back.replies()).extracting(Reply::asText).startsWith("欢迎回来，pay_form没办完", "余额12.50");
    assertThat(back.templates()).startsWith("welcome_back", "balance");
    pause(Duration.ofMillis(250));
    assertThat(shortLived.say("查余额")).as("welcomed back once").startsWith("余额12.50");
  }

  @Test
  void heldConversationIsNotWelcomedBackEither() {
    // given a form left unfinished, then an agent holding the conversation past its expiry
    TestEngine shortLived =
        new TestEngine(
            domain(),
            NLU,
            new DialogSettings(null, Duration.ofMillis(100), null, null, null, null, null),
            StateStores.inMemoryStateStore(),
            null);
    shortLived.say("交电费");
    shortLived.desk.enqueue(ALICE, "asked", "交电费");
    shortLived.desk.claim(ALICE);
    pause(Duration.ofMillis(250));

    // when
    TurnOutcome outcome = shortLived.processor.process(shortLived.message("还在吗"));

    // then the robot stays silent while the agent holds the conversation
    assertThat(outcome.replies()).isEmpty();
  }

  @Test
  void finishedFormIsNotWelcomedBack() {
    TestEngine shortLived =
        new TestEngine(
            domain(),
            NLU,
            new DialogSettings(null, Duration.ofMillis(100), null, null, null, null, null),
            StateStores.inMemoryStateStore(),
            null);
    shortLived.say("交100元");
    shortLived.say("1");
    pause(Duration.ofMillis(250));

    assertThat(shortLived.say("查余额")).first().isEqualTo("余额12.50");
  }

  @Test
  void sharedLocationAndImageFillTheFormsSlots() {
    // given
    assertThat(engine.say("停电了")).containsExactly("请发送位置");
    Location here = new Location(30.274085, 120.15507, "杭州市人民路1号");

    // when
    List<String> afterLocation =
        texts(
            engine.processor.handle(
                new UserMessage(ALICE, "m-loc", "", Instant.now(), here, List.of())));
    List<String> afterImage =
        texts(
            engine.processor.handle(
                new UserMessage(ALICE, "m-img", "", Instant.now(), null, List.of("media-42"))));

    // then
    assertThat(afterLocation).containsExactly("请拍一张照片");
    assertThat(afterImage).containsExactly("已登记 30.274085,120.155070 media-42");
  }

  @Test
  void locationBecomesAnEntityWithItsLabel() {
    Location here = new Location(30.274085, 120.15507, "杭州市人民路1号");

    engine.processor.handle(
        new UserMessage(ALICE, "m-loc", "", Instant.now(), here, List.of("media-1", "media-2")));

    assertThat(engine.tracker().latestMessage().orElseThrow().entities())
        .extracting(Entity::name, Entity::value, Entity::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("location", "30.274085,120.155070", "杭州市人民路1号"),
            org.assertj.core.groups.Tuple.tuple("image", "media-1", ""),
            org.assertj.core.groups.Tuple.tuple("image", "media-2", ""));
  }

  @Test
  void locationAndImageInTheTriggeringMessageFillTheFormAtOnce() {
    Location here = new Location(30.5, 120.5, null);

    List<Reply> replies =
        engine.processor.handle(
            new UserMessage(ALICE, "m-1", "停电了", Instant.now(), here, List.of("media-7")));

    assertThat(texts(replies)).containsExactly("已登记 30.500000,120.500000 media-7");
  }

  @Test
  void redeliveryGetsTheIdenticalOutcome() {
    // given a turn with a rich reply and one reply without a template
    UserMessage message = engine.message("查余额");
    TurnOutcome first = engine.processor.process(message);

    // when
    TurnOutcome again = engine.processor.process(message);

    // then
    assertThat(first.replies()).hasSize(2);
    assertThat(first.templates()).containsExactly("balance", null);
    assertThat(again).isEqualTo(first);
    assertThat(engine.journal).containsExactly(message.messageId());
  }

  @Test
  void redeliveryOfAnEarlierMessageDoesNotRepeatAnything() {
    engine.say("交100元");
    UserMessage confirm = engine.message("1");
    TurnOutcome first = engine.processor.process(confirm);
    engine.say("查余额");

    TurnOutcome late = engine.processor.process(confirm);

    assertThat(late).isEqualTo(first);
    assertThat(payments).hasValue(1);
    assertThat(engine.tracker().latestMessage().orElseThrow().text()).isEqualTo("查余额");
  }

  @Test
  void longConversationIsStoredCompactedWithItsLatestMessage() {
    // given a form run with its id, and over 200 events
    engine.say("登录");
    engine.say("交电费");
    String formId = engine.tracker().activeFormId().orElseThrow();

    // when / then every stored tracker, compacted or not, ends with the message just handled
    for (int i = 0; i < 70; i++) {
      UserMessage message = engine.message("查余额");
      engine.processor.handle(message);
      assertThat(engine.tracker().latestMessage().map(Event.UserUttered::messageId))
          .as("turn %d", i)
          .contains(message.messageId());
      assertThat(engine.tracker().repliesSinceLatestMessage()).as("turn %d", i).hasSize(3);
    }
    UserMessage latest = engine.message("我还有多少余额");
    engine.processor.handle(latest);

    // and the state survived
    Tracker stored = engine.tracker();
    assertThat(stored.events()).hasSizeLessThan(200);
    assertThat(stored.activeForm()).contains("pay_form");
    assertThat(stored.activeFormId()).contains(formId);
    assertThat(stored.slot(USER)).contains("u-1");
    assertThat(stored.slot(Tracker.REQUESTED_SLOT)).contains("amount");
    assertThat(stored.latestMessage().map(Event.UserUttered::messageId))
        .contains(latest.messageId());
    assertThat(stored.repliesSinceLatestMessage())
        .extracting(Reply::asText)
        .containsExactly("余额12.50", "还要什么？\n1. 交费\n2. 没了", "交多少？");
    assertThat(engine.say("100")).containsExactly("交100元？\n1. 确认\n2. 取消");
  }

  @Test
  void suggestionAfterCompactionTakesTheEntitiesOfTheRightMessage() {
    // given a conversation long enough to be compacted, ending in a "did you mean"
    engine.say("交50元");
    engine.say("2");
    for (int i = 0; i < 70; i++) {
      engine.say("查余额");
    }
    engine.say("那个电100元");

    // when
    List<String> replies = engine.say("1");

    // then
    assertThat(replies).containsExactly("交100元？\n1. 确认\n2. 取消");
  }

  private static List<String> texts(List<Reply> replies) {
    return replies.stream().map(Reply::asText).toList();
  }

  private static void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
