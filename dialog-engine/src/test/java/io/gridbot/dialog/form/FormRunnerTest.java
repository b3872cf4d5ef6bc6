package io.gridbot.dialog.form;

import static io.gridbot.dialog.TestEngine.said;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.dialog.DialogSettings;
import io.gridbot.dialog.Masking;
import io.gridbot.dialog.TestEngine;
import io.gridbot.dialog.action.Action;
import io.gridbot.dialog.channel.Reply;
import io.gridbot.dialog.channel.UserMessage;
import io.gridbot.dialog.policy.Domain;
import io.gridbot.dialog.store.StateStore;
import io.gridbot.dialog.store.StateStores;
import io.gridbot.dialog.store.StateUnavailable;
import io.gridbot.dialog.tracker.Event;
import io.gridbot.dialog.tracker.Tracker;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Forms driven through the message processor, as a customer meets them. */
class FormRunnerTest {

  private static final String ACCOUNTS = Tracker.SESSION_PREFIX + "accounts";
  private static final List<String> CONFIRM_OPTIONS = List.of("确认", "取消");

  private final AtomicInteger payments = new AtomicInteger();
  private final AtomicInteger repairs = new AtomicInteger();
  private final List<String> executedKeys = new CopyOnWriteArrayList<>();

  private static Action sets(String name, String slot, String value) {
    return Action.of(
        name,
        t -> List.of(new Event.SlotSet(slot, value), new Event.BotUttered(Reply.text("好的"), "ok")));
  }

  private static List<Choice> accountChoices(Tracker t) {
    return t.slot(ACCOUNTS).stream()
        .flatMap(a -> Arrays.stream(a.split(",")))
        .map(a -> new Choice("户号 " + Masking.account(a), a))
        .toList();
  }

  private static Optional<String> digits(String text) {
    String t = text.strip();
    return t.matches("\\d{1,5}") ? Optional.of(t) : Optional.empty();
  }

  private final Form payForm =
      Form.named("pay_form")
          .slot(
              SlotSpec.named("account")
                  .prompt(said("交哪个户号？"))
                  .choices(FormRunnerTest::accountChoices)
                  .prefill(
                      t -> {
                        List<Choice> choices = accountChoices(t);
                        return choices.size() == 1
                            ? Optional.of(choices.get(0).value())
                            : Optional.empty();
                      })
                  .build())
          .slot(
              SlotSpec.named("amount")
                  .entity("amount")
                  .prompt(said("交多少？"))
                  .retry(said("请输入金额"))
                  .parser(FormRunnerTest::digits)
                  .build())
          .confirm(
              t ->
                  new Event.BotUttered(
                      Reply.text(
                          "交"
                              + t.slot("amount").orElseThrow()
                              + "元到"
                              + t.slot("account").orElseThrow()
                              + "？"),
                      "pay.confirm"))
          .submit(
              t -> {
                payments.incrementAndGet();
                return List.of(
                    new Event.BotUttered(
                        Reply.text(
                            "已交"
                                + t.slot("amount").orElseThrow()
                                + "元到"
                                + t.slot("account").orElseThrow()),
                        "pay.done"));
              })
          .cancelled(said("已取消"))
          .giveUp(said("转人工吧"))
          .guard(
              t ->
                  t.slot(ACCOUNTS).isPresent()
                      ? List.of()
                      : List.of(new Event.BotUttered(Reply.text("请先绑定户号"), "bind.first")))
          .build();

  private final Form repairForm =
      Form.named("repair_form")
          .slot(
              SlotSpec.named("kind")
                  .prompt(said("什么故障？"))
                  .choices(t -> List.of(new Choice("没电了", "outage"), new Choice("电表坏了", "meter")))
                  .build())
          .slot(SlotSpec.named("address").prompt(said("地址？")).freeText(50).build())
          .slot(
              SlotSpec.named("meter_no")
                  .prompt(said("表号？"))
                  .parser(FormRunnerTest::digits)
                  .neededWhen(t -> t.slot("kind").equals(Optional.of("meter")))
                  .build())
          .submit(
              t -> {
                repairs.incrementAndGet();
                return List.of(
                    new Event.BotUttered(
                        Reply.text(
                            "已报修："
                                + t.slot("kind").orElseThrow()
                                + "@"
                                + t.slot("address").orElseThrow()
                                + "#"
                                + t.slot("meter_no").orElse("-")),
                        "repair.done"));
              })
          .cancelled(said("已取消"))
          .giveUp(said("转人工吧"))
          .build();

  private final Domain domain =
      Domain.builder()
          .on("two_accounts", sets("bind_two", ACCOUNTS, "3300000001,3300000002"), false)
          .on("one_account", sets("bind_one", ACCOUNTS, "3300000001"), false)
          .on(
              "check_balance",
              Action.of(
                  "balance", t -> List.of(new Event.BotUttered(Reply.text("余额12.50"), "balance"))),
              true)
          .on("pay", payForm)
          .on("repair", repairForm)
          .fallback(
              Action.of(
                  "fallback", t -> List.of(new Event.BotUttered(Reply.text("没听懂"), "fallback"))))
          .failureText("出错了")
          .build();

  private static final String[] KEYWORDS = {
    "两个户号", "two_accounts",
    "一个户号", "one_account",
    "余额", "check_balance",
    "报修", "repair",
    "交", "pay",
    "好的", "affirm",
    "算了", "deny"
  };

  /** Records every key a submission ran under, on the real once-only store. */
  private Executions recording(StateStore state, TestEngine[] engine) {
    return new Executions() {
      private StateExecutions delegate;

      @Override
      public List<Event> once(String key, Supplier<List<Event>> body) {
        executedKeys.add(key);
        if (delegate == null) {
          delegate = new StateExecutions(state, engine[0].json);
        }
        return delegate.once(key, body);
      }
    };
  }

  private TestEngine engine(StateStore state) {
    TestEngine[] holder = new TestEngine[1];
    holder[0] =
        new TestEngine(
            domain,
            TestEngine.keywords(KEYWORDS),
            DialogSettings.defaults(),
            state,
            recording(state, holder));
    return holder[0];
  }

  private final TestEngine engine = engine(StateStores.inMemoryStateStore());

  private static Reply.Options options(List<Reply> replies) {
    assertThat(replies).hasSize(1).first().isInstanceOf(Reply.Options.class);
    return (Reply.Options) replies.get(0);
  }

  @Test
  void choicesAreOfferedAsOptionsWithTheirLabels() {
    // given
    engine.say("我有两个户号");

    // when
    List<Reply> replies = engine.send("交电费");

    // then
    Reply.Options asked = options(replies);
    assertThat(asked.text()).isEqualTo("交哪个户号？");
    assertThat(asked.options()).containsExactly("户号 3300****01", "户号 3300****02");
    assertThat(engine.tracker().slot(Tracker.REQUESTED_SLOT)).contains("account");
  }

  @Test
  void choiceAnsweredByNumberTakesItsValue() {
    engine.say("我有两个户号");
    engine.say("交电费");

    assertThat(engine.say("2")).containsExactly("交多少？");
    assertThat(engine.tracker().slot("account")).contains("3300000002");
  }

  @Test
  void choiceAnsweredByOrdinalTakesItsValue() {
    engine.say("我有两个户号");
    engine.say("交电费");

    assertThat(engine.say("第一个")).containsExactly("交多少？");
    assertThat(engine.tracker().slot("account")).contains("3300000001");
  }

  @Test
  void choiceAnsweredByItsExactLabelTakesItsValue() {
    engine.say("我有两个户号");
    engine.say("交电费");

    assertThat(engine.say("户号 3300****02")).containsExactly("交多少？");
    assertThat(engine.tracker().slot("account")).contains("3300000002");
    assertThat(engine.tracker().slot(FormRunner.CHOICES_SLOT))
        .as("the options are forgotten once answered")
        .isEmpty();
  }

  @Test
  void answerThatPicksNoOptionIsAskedAgainWithTheOptions() {
    engine.say("我有两个户号");
    engine.say("交电费");

    Reply.Options again = options(engine.send("第三个"));

    assertThat(again.options()).containsExactly("户号 3300****01", "户号 3300****02");
    assertThat(engine.tracker().slot("account")).isEmpty();
  }

  @Test
  void singleAccountIsPrefilledWithoutAsking() {
    // given
    engine.say("我有一个户号");

    // when
    List<String> replies = engine.say("交电费");

    // then
    assertThat(replies).containsExactly("交多少？");
    assertThat(engine.tracker().slot("account")).contains("3300000001");
  }

  @Test
  void slotNotNeededIsSkipped() {
    engine.say("报修");
    engine.say("没电了");

    assertThat(engine.say("人民路1号")).containsExactly("已报修：outage@人民路1号#-");
    assertThat(repairs).hasValue(1);
  }

  @Test
  void slotNeededGivenAnotherIsAsked() {
    engine.say("报修");
    engine.say("2");

    assertThat(engine.say("人民路1号")).containsExactly("表号？");
    assertThat(engine.say("12345")).containsExactly("已报修：meter@人民路1号#12345");
  }

  @Test
  void guardRefusesToStartAndSaysItsEvents() {
    // given no bound account / when
    var outcome = engine.processor.process(engine.message("交电费"));

    // then
    assertThat(outcome.replies()).extracting(Reply::asText).containsExactly("请先绑定户号");
    assertThat(outcome.templates()).containsExactly("bind.first");
    assertThat(engine.tracker().activeForm()).isEmpty();
    assertThat(engine.say("100")).containsExactly("没听懂");
  }

  @Test
  void confirmationIsShownAsConfirmAndCancelOptions() {
    engine.say("我有一个户号");

    Reply.Options confirmation = options(engine.send("交100元"));

    assertThat(confirmation.text()).isEqualTo("交100元到3300000001？");
    assertThat(confirmation.options()).isEqualTo(CONFIRM_OPTIONS);
    assertThat(engine.tracker().slot(Tracker.REQUESTED_SLOT)).contains(FormRunner.CONFIRMATION);
  }

  @Test
  void firstOptionConfirms() {
    engine.say("我有一个户号");
    engine.say("交100元");

    assertThat(engine.say("1")).containsExactly("已交100元到3300000001");
    assertThat(payments).hasValue(1);
    assertThat(engine.tracker().activeForm()).isEmpty();
  }

  @Test
  void confirmLabelAndAffirmIntentConfirm() {
    engine.say("我有一个户号");
    engine.say("交100元");
    assertThat(engine.say("确认")).containsExactly("已交100元到3300000001");

    engine.say("交50元");
    assertThat(engine.say("好的")).containsExactly("已交50元到3300000001");
    assertThat(payments).hasValue(2);
  }

  @Test
  void secondOptionCancels() {
    engine.say("我有一个户号");
    engine.say("交100元");

    assertThat(engine.say("2")).containsExactly("已取消");
    assertThat(payments).hasValue(0);
    assertThat(engine.tracker().activeForm()).isEmpty();
    assertThat(engine.tracker().slot("amount")).isEmpty();
  }

  @Test
  void denyIntentCancelsTheConfirmation() {
    engine.say("我有一个户号");
    engine.say("交100元");

    assertThat(engine.say("算了")).containsExactly("已取消");
    assertThat(payments).hasValue(0);
  }

  @Test
  void correctionDuringConfirmationUpdatesTheSlotAndConfirmsAgain() {
    // given
    engine.say("我有一个户号");
    engine.say("交100元");

    // when
    Reply.Options again = options(engine.send("改成200元"));

    // then
    assertThat(again.text()).isEqualTo("交200元到3300000001？");
    assertThat(again.options()).isEqualTo(CONFIRM_OPTIONS);
    assertThat(engine.say("1")).containsExactly("已交200元到3300000001");
    assertThat(payments).hasValue(1);
  }

  @Test
  void questionDuringConfirmationIsAnsweredAndTheConfirmationAskedAgain() {
    engine.say("我有一个户号");
    engine.say("交100元");

    List<Reply> replies = engine.send("我还有多少余额");

    assertThat(replies).extracting(Reply::asText).first().isEqualTo("余额12.50");
    assertThat(replies.get(1)).isEqualTo(Reply.options("交100元到3300000001？", CONFIRM_OPTIONS));
    assertThat(engine.say("1")).containsExactly("已交100元到3300000001");
  }

  @Test
  void freeTextSlotAnsweredWithAnotherQuestionAnswersItAndAsksAgain() {
    engine.say("报修");
    engine.say("没电了");

    assertThat(engine.say("我还有多少余额")).containsExactly("余额12.50", "地址？");
    assertThat(engine.tracker().slot("address")).isEmpty();
    assertThat(engine.say("人民路1号")).containsExactly("已报修：outage@人民路1号#-");
  }

  @Test
  void freeTextSlotTakesAnyOtherText() {
    engine.say("报修");
    engine.say("没电了");

    assertThat(engine.say("嗯，就在菜市场对面")).containsExactly("已报修：outage@嗯，就在菜市场对面#-");
  }

  @Test
  void confirmationRetriedAfterAFailedSaveSubmitsOnce() {
    // given a store whose next tracker save fails, and a form waiting for its confirmation
    FailingStore failing = new FailingStore(StateStores.inMemoryStateStore());
    TestEngine flaky = engine(failing);
    flaky.say("我有一个户号");
    flaky.say("交100元");
    String formId = flaky.tracker().activeFormId().orElseThrow();
    failing.failNextTrackerSave.set(true);
    UserMessage confirm = new UserMessage(TestEngine.ALICE, "m-confirm", "1", Instant.now());

    // when the confirmation's turn fails to save, and the channel redelivers it
    assertThatThrownBy(() -> flaky.processor.handle(confirm)).isInstanceOf(StateUnavailable.class);
    List<Reply> retried = flaky.processor.handle(confirm);

    // then the payment ran once, under the same key both times, and the customer got its outcome
    assertThat(retried).extracting(Reply::asText).containsExactly("已交100元到3300000001");
    assertThat(payments).hasValue(1);
    assertThat(executedKeys)
        .hasSize(2)
        .containsOnly("pay_form:" + TestEngine.ALICE.key() + ":" + formId);
    assertThat(flaky.tracker().activeForm()).isEmpty();
  }

  @Test
  void confirmationRedeliveredAfterItsReplyWasLostGetsTheSameReply() {
    // given a store that fails to record the confirmation's reply once its tracker is saved
    FailingStore failing = new FailingStore(StateStores.inMemoryStateStore());
    TestEngine flaky = engine(failing);
    flaky.say("我有一个户号");
    flaky.say("交100元");
    failing.failNextReplyRecord.set(true);
    UserMessage confirm = new UserMessage(TestEngine.ALICE, "m-confirm", "1", Instant.now());

    // when
    assertThatThrownBy(() -> flaky.processor.handle(confirm)).isInstanceOf(StateUnavailable.class);
    var retried = flaky.processor.process(confirm);

    // then the redelivery is recognised from the tracker, not taken as a new "1"
    assertThat(retried.replies()).extracting(Reply::asText).containsExactly("已交100元到3300000001");
    assertThat(retried.templates()).containsExactly("pay.done");
    assertThat(payments).hasValue(1);
    assertThat(flaky.tracker().events())
        .filteredOn(e -> e instanceof Event.UserUttered u && u.messageId().equals("m-confirm"))
        .hasSize(1);
  }

  @Test
  void eachRunOfAFormSubmitsUnderItsOwnKey() {
    engine.say("我有一个户号");
    engine.say("交100元");
    engine.say("1");
    engine.say("交100元");
    engine.say("1");

    assertThat(payments).hasValue(2);
    assertThat(executedKeys).hasSize(2).doesNotHaveDuplicates();
  }

  @Test
  void givesUpAfterMaxAttempts() {
    engine.say("我有一个户号");
    engine.say("交电费");

    assertThat(engine.say("很多")).containsExactly("请输入金额");
    assertThat(engine.say("非常多")).containsExactly("请输入金额");
    assertThat(engine.say("超级多")).containsExactly("转人工吧");

    assertThat(engine.tracker().activeForm()).isEmpty();
    assertThat(engine.tracker().slot(FormRunner.ATTEMPTS_SLOT)).isEmpty();
    assertThat(payments).hasValue(0);
  }

  @Test
  void aGoodAnswerResetsTheAttempts() {
    engine.say("报修");
    engine.say("电表坏了");
    engine.say("人民路1号");

    assertThat(engine.say("不知道")).containsExactly("表号？");
    assertThat(engine.say("12345")).containsExactly("已报修：meter@人民路1号#12345");
    engine.say("报修");
    assertThat(engine.say("随便")).as("a fresh question starts with fresh attempts").hasSize(1);
    assertThat(engine.say("随便")).hasSize(1);
    assertThat(engine.tracker().activeForm()).contains("repair_form");
  }

  /** Delegates to a store; the next put of a tracker, or of a reply, fails when armed. */
  private static final class FailingStore implements StateStore {
    final AtomicBoolean failNextTrackerSave = new AtomicBoolean();
    final AtomicBoolean failNextReplyRecord = new AtomicBoolean();
    private final StateStore delegate;

    FailingStore(StateStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public Optional<String> get(String key) {
      return delegate.get(key);
    }

    @Override
    public void put(String key, String value, Duration ttl) {
      if (key.startsWith("tracker:") && failNextTrackerSave.compareAndSet(true, false)) {
        throw new StateUnavailable("SET " + key + " timed out", null);
      }
      if (key.startsWith("reply:") && failNextReplyRecord.compareAndSet(true, false)) {
        throw new StateUnavailable("SET " + key + " timed out", null);
      }
      delegate.put(key, value, ttl);
    }

    @Override
    public boolean putIfAbsent(String key, String value, Duration ttl) {
      return delegate.putIfAbsent(key, value, ttl);
    }

    @Override
    public void delete(String key) {
      delegate.delete(key);
    }

    @Override
    public long increment(String key, Duration ttl) {
      return delegate.increment(key, ttl);
    }

    @Override
    public Optional<Duration> ttl(String key) {
      return delegate.ttl(key);
    }

    @Override
    public void ping() {
      delegate.ping();
    }
  }
}
