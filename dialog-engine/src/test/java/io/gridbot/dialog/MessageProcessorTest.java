package io.gridbot.dialog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.dialog.action.Action;
import io.gridbot.dialog.channel.Reply;
import io.gridbot.dialog.channel.UserMessage;
import io.gridbot.dialog.form.Form;
import io.gridbot.dialog.form.Prompt;
import io.gridbot.dialog.form.SlotSpec;
import io.gridbot.dialog.nlu.IntentRanking;
import io.gridbot.dialog.nlu.NluPipeline;
import io.gridbot.dialog.nlu.ParseResult;
import io.gridbot.dialog.nlu.RegexEntityExtractor;
import io.gridbot.dialog.policy.Domain;
import io.gridbot.dialog.store.LockStore;
import io.gridbot.dialog.store.LockTimeout;
import io.gridbot.dialog.store.StateStore;
import io.gridbot.dialog.store.StateStores;
import io.gridbot.dialog.tracker.Event;
import io.gridbot.dialog.tracker.StateTrackerStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class MessageProcessorTest {

  private static final ConversationId ALICE = new ConversationId("web", "alice-session");

  private final StateStore state = StateStores.inMemoryStateStore();
  private final LockStore locks = StateStores.inMemoryLockStore();
  private final List<String> journal = new ArrayList<>();
  private final AtomicInteger submits = new AtomicInteger();
  private volatile boolean failSubmit;

  /** Intents by keyword: enough to drive the engine. */
  private static List<IntentRanking> rank(String text) {
    if (text.contains("余额")) {
      return List.of(new IntentRanking("check_balance", 0.9));
    }
    if (text.contains("交")) {
      return List.of(new IntentRanking("pay", 0.9));
    }
    if (text.equals("是")) {
      return List.of(new IntentRanking("affirm", 0.9));
    }
    if (text.contains("算了")) {
      return List.of(new IntentRanking("deny", 0.9));
    }
    return List.of(new IntentRanking("greeting", 0.2));
  }

  private static final String CONFIRM = "确认吗？\n1. 确认\n2. 取消";

  private static Prompt said(String text) {
    return Prompt.fixed(new Event.BotUttered(Reply.text(text)));
  }

  private final Form payForm =
      new Form(
          "pay_form",
          List.of(
              SlotSpec.named("amount")
                  .entity("amount")
                  .prompt(said("交多少？"))
                  .retry(said("请输入金额"))
                  .parser(t -> t.matches("\\d+") ? Optional.of(t) : Optional.empty())
                  .build()),
          said("确认吗？"),
          tracker -> {
            if (failSubmit) {
              throw new IllegalStateException("database down");
            }
            submits.incrementAndGet();
            return List.of(
                new Event.BotUttered(
                    Reply.text("已交" + tracker.slot("amount").orElseThrow() + "元")));
          },
          said("已取消"),
          said("转人工吧"));

  private MessageProcessor processor(DialogSettings settings) {
    Domain domain =
        Domain.builder()
            .on(
                "check_balance",
                Action.of("balance", t -> List.of(new Event.BotUttered(Reply.text("余额12.50")))),
                true)
            .on("pay", payForm)
            .fallback(Action.of("fallback", t -> List.of(new Event.BotUttered(Reply.text("没听懂")))))
            .failureText("出错了")
            .build();
    NluPipeline nlu =
        new NluPipeline(
            MessageProcessorTest::rank,
            List.of(new RegexEntityExtractor("amount", Pattern.compile("(?<value>\\d+)元"))),
            0.5);
    return new MessageProcessor(
        nlu,
        domain,
        new StateTrackerStore(state, settings.trackerIdleTtl(), JsonMapper.builder().build()),
        locks,
        state,
        (message, parse, replies) ->
            journal.add(message.text() + "|" + parse.intentName() + "|" + replies.size()),
        settings,
        JsonMapper.builder().build());
  }

  private final MessageProcessor processor = processor(DialogSettings.defaults());

  private List<String> say(String text) {
    return say(text, null);
  }

  private List<String> say(String text, String messageId) {
    return processor.handle(new UserMessage(ALICE, messageId, text, Instant.now())).stream()
        .map(Reply::asText)
        .toList();
  }

  @Test
  void intentRunsItsAction() {
    assertThat(say("查余额")).containsExactly("余额12.50");
  }

  @Test
  void lowConfidenceGoesToFallback() {
    assertThat(say("嗯嗯")).containsExactly("没听懂");
    assertThat(journal).containsExactly("嗯嗯|nlu_fallback|1");
  }

  @Test
  void formFillsFromFirstMessageAsksForTheRestAndSubmitsOnce() {
    assertThat(say("帮我交100元")).containsExactly(CONFIRM);
    assertThat(say("是")).containsExactly("已交100元");
    assertThat(submits).hasValue(1);
    // the form is over: the same answer now means nothing
    assertThat(say("是")).containsExactly("没听懂");
  }

  @Test
  void badAnswersReaskThenGiveUpAfterThreeAttempts() {
    say("交电费");
    assertThat(say("很多")).containsExactly("请输入金额");
    assertThat(say("非常多")).containsExactly("请输入金额");
    assertThat(say("超级多")).containsExactly("转人工吧");
    assertThat(say("100")).containsExactly("没听懂");
    assertThat(submits).hasValue(0);
  }

  @Test
  void denyCancelsTheForm() {
    say("交电费");
    assertThat(say("算了")).containsExactly("已取消");
    assertThat(say("100")).containsExactly("没听懂");
    assertThat(submits).hasValue(0);
  }

  @Test
  void questionInsideAFormIsAnsweredAndTheFormResumesWithItsSlots() {
    say("交100元");
    assertThat(say("我还有多少余额")).containsExactly("余额12.50", CONFIRM);
    assertThat(say("是")).containsExactly("已交100元");
  }

  @Test
  void redeliveredMessageGetsTheFirstReplyWithoutRunningAgain() {
    say("交100元", "m-1");
    List<String> first = say("是", "m-2");
    List<String> again = say("是", "m-2");
    assertThat(again).isEqualTo(first).containsExactly("已交100元");
    assertThat(submits).hasValue(1);
    assertThat(journal).hasSize(2);
  }

  @Test
  void stateSurvivesBetweenProcessorsSharingTheStore() {
    // two server instances sharing the same state
    say("交电费");
    MessageProcessor other = processor(DialogSettings.defaults());
    List<Reply> replies = other.handle(new UserMessage(ALICE, null, "50", Instant.now()));
    assertThat(replies).extracting(Reply::asText).containsExactly(CONFIRM);
  }

  @Test
  void busyConversationTimesOut() {
    DialogSettings impatient =
        new DialogSettings(null, null, null, Duration.ZERO, null, null, null);
    MessageProcessor p = processor(impatient);
    try (LockStore.Lease held =
        locks.acquire("lock:" + ALICE.key(), Duration.ofSeconds(5), Duration.ZERO)) {
      assertThatThrownBy(() -> p.handle(new UserMessage(ALICE, null, "余额", Instant.now())))
          .isInstanceOf(LockTimeout.class);
    }
  }

  @Test
  void idleConversationStartsAfresh() {
    DialogSettings shortIdle =
        new DialogSettings(null, Duration.ofMillis(50), null, null, null, null, null);
    MessageProcessor p = processor(shortIdle);
    p.handle(new UserMessage(ALICE, null, "交电费", Instant.now()));
    await(Duration.ofMillis(120));
    assertThat(p.handle(new UserMessage(ALICE, null, "100", Instant.now())))
        .extracting(Reply::asText)
        .containsExactly("没听懂");
  }

  @Test
  void failingTurnApologisesAndKeepsTheConversationWhereItWas() {
    // given a form waiting for confirmation, and a failing business behind it
    say("交100元");
    failSubmit = true;

    // when the confirmation fails
    assertThat(say("是", "m-9")).containsExactly("出错了");

    // then the same answer is not cached as final, and works once the business is back
    failSubmit = false;
    assertThat(say("是", "m-9")).containsExactly("已交100元");
    assertThat(submits).hasValue(1);
  }

  @Test
  void parseResultIsFallbackBelowThreshold() {
    NluPipeline nlu = new NluPipeline(t -> List.of(new IntentRanking("x", 0.3)), List.of(), 0.5);
    ParseResult r = nlu.parse("随便", Instant.now());
    assertThat(r.intentName()).isEqualTo(ParseResult.FALLBACK);
    assertThat(r.intent().confidence()).isEqualTo(0.3);
  }

  private static void await(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
