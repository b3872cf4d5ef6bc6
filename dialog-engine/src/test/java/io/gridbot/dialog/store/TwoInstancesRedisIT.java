package io.gridbot.dialog.store;

import static io.gridbot.dialog.TestEngine.said;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.dialog.ConversationId;
import io.gridbot.dialog.DialogSettings;
import io.gridbot.dialog.TestEngine;
import io.gridbot.dialog.TurnOutcome;
import io.gridbot.dialog.action.Action;
import io.gridbot.dialog.channel.Reply;
import io.gridbot.dialog.channel.UserMessage;
import io.gridbot.dialog.form.Form;
import io.gridbot.dialog.form.SlotSpec;
import io.gridbot.dialog.policy.Domain;
import io.gridbot.dialog.tracker.Event;
import io.gridbot.dialog.tracker.Tracker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two server instances, each with its own Redis connection and stores, sharing one Redis (see
 * {@link TestRedis}): one customer's messages arrive at either, concurrently and redelivered.
 */
class TwoInstancesRedisIT {

  private static final int MESSAGES = 20;
  private static final ConversationId BOB = new ConversationId("wechat", "oBob-two-instances");

  /** Generous: 20 turns queue behind each other on a busy machine. */
  private static final DialogSettings SETTINGS =
      new DialogSettings(
          null, null, Duration.ofSeconds(30), Duration.ofSeconds(30), null, null, null);

  private final Map<String, AtomicInteger> runsPerMessage = new ConcurrentHashMap<>();
  private final AtomicInteger payments = new AtomicInteger();

  private TestRedis redis;
  private RedisConnector connectorA;
  private RedisConnector connectorB;
  private TestEngine a;
  private TestEngine b;

  private Domain domain() {
    Form pay =
        Form.named("pay_form")
            .slot(
                SlotSpec.named("amount")
                    .entity("amount")
                    .prompt(said("交多少？"))
                    .parser(t -> t.matches("\\d+") ? Optional.of(t) : Optional.empty())
                    .build())
            .confirm(said("确认吗？"))
            .submit(
                t -> {
                  payments.incrementAndGet();
                  return List.of(
                      new Event.BotUttered(
                          Reply.text("已交" + t.slot("amount").orElseThrow() + "元")));
                })
            .cancelled(said("已取消"))
            .giveUp(said("转人工吧"))
            .build();
    return Domain.builder()
        .on(
            "note",
            Action.of(
                "note",
                t -> {
                  Event.UserUttered m = t.latestMessage().orElseThrow();
                  runsPerMessage
                      .computeIfAbsent(m.messageId(), k -> new AtomicInteger())
                      .incrementAndGet();
                  return List.of(new Event.BotUttered(Reply.text("收到" + m.text()), "note"));
                }),
            false)
        .on("pay", pay)
        .fallback(Action.of("fallback", t -> List.of(new Event.BotUttered(Reply.text("没听懂")))))
        .failureText("出错了")
        .build();
  }

  private TestEngine instance(RedisConnector connector, String prefix) {
    return new TestEngine(
        domain(),
        TestEngine.keywords("记", "note", "交", "pay", "好的", "affirm"),
        SETTINGS,
        new RedisStateStore(connector, prefix),
        new RedisLockStore(connector, prefix),
        null);
  }

  @BeforeEach
  void twoInstances() {
    redis = new TestRedis();
    String prefix = redis.runPrefix + "two:";
    connectorA = new RedisConnector(TestRedis.settings(Duration.ofSeconds(5)));
    connectorB = new RedisConnector(TestRedis.settings(Duration.ofSeconds(5)));
    a = instance(connectorA, prefix);
    b = instance(connectorB, prefix);
  }

  @AfterEach
  void close() {
    try (TestRedis toClose = redis) {
      connectorA.close();
      connectorB.close();
    }
  }

  private static UserMessage message(String id, String text) {
    return new UserMessage(BOB, id, text, Instant.now());
  }

  @Test
  void concurrentMessagesOnBothInstancesAreEachHandledOnce() throws Exception {
    // given 20 messages alternating between the instances, and every third one redelivered to the
    // other instance at the same time
    record Delivery(TestEngine to, UserMessage message) {}
    List<Delivery> deliveries = new ArrayList<>();
    for (int i = 0; i < MESSAGES; i++) {
      UserMessage m = message("msg-" + i, "记一下" + i);
      deliveries.add(new Delivery(i % 2 == 0 ? a : b, m));
      if (i % 3 == 0) {
        deliveries.add(new Delivery(i % 2 == 0 ? b : a, m));
      }
    }
    ExecutorService threads = Executors.newFixedThreadPool(deliveries.size());
    CountDownLatch start = new CountDownLatch(1);
    List<Future<TurnOutcome>> outcomes = new ArrayList<>();

    // when they all arrive at once
    try {
      for (Delivery d : deliveries) {
        outcomes.add(
            threads.submit(
                () -> {
                  start.await();
                  return d.to().processor.process(d.message());
                }));
      }
      start.countDown();
      threads.shutdown();
      assertThat(threads.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
    } finally {
      threads.shutdownNow();
    }

    // then no turn timed out waiting for the conversation (get() would throw)
    Map<String, List<TurnOutcome>> byMessage = new ConcurrentHashMap<>();
    for (int i = 0; i < deliveries.size(); i++) {
      byMessage
          .computeIfAbsent(deliveries.get(i).message().messageId(), k -> new ArrayList<>())
          .add(outcomes.get(i).get());
    }
    // every message ran exactly once, on one instance or the other
    assertThat(runsPerMessage)
        .hasSize(MESSAGES)
        .allSatisfy((id, runs) -> assertThat(runs).hasValue(1));
    List<String> journaled = new ArrayList<>(a.journal);
    journaled.addAll(b.journal);
    assertThat(journaled).hasSize(MESSAGES).doesNotHaveDuplicates();
    // every delivery of a message got the same answer, its own
    byMessage.forEach(
        (id, got) -> {
          String n = id.substring("msg-".length());
          assertThat(got).allSatisfy(o -> assertThat(o).isEqualTo(got.get(0)));
          assertThat(got.get(0).replies()).containsExactly(Reply.text("收到记一下" + n));
          assertThat(got.get(0).templates()).containsExactly("note");
        });
    // the shared tracker holds every message once, each followed by its own answer
    Tracker tracker = a.trackers.load(BOB).orElseThrow();
    Map<String, Long> stored =
        tracker.events().stream()
            .filter(Event.UserUttered.class::isInstance)
            .map(e -> ((Event.UserUttered) e).messageId())
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(stored).hasSize(MESSAGES).allSatisfy((id, count) -> assertThat(count).isOne());
    assertThat(b.trackers.load(BOB).orElseThrow().events()).isEqualTo(tracker.events());
    assertThat(tracker.events().stream().filter(Event.BotUttered.class::isInstance))
        .hasSize(MESSAGES);
  }

  @Test
  void formStartedOnOneInstanceContinuesOnTheOther() {
    // given
    assertThat(a.processor.handle(message("f-1", "交电费"))).containsExactly(Reply.text("交多少？"));

    // when / then
    assertThat(b.processor.handle(message("f-2", "100")))
        .containsExactly(Reply.options("确认吗？", List.of("确认", "取消")));
    assertThat(a.processor.handle(message("f-3", "1"))).containsExactly(Reply.text("已交100元"));
    assertThat(b.processor.handle(message("f-3", "1")))
        .as("the confirmation redelivered to the other instance")
        .containsExactly(Reply.text("已交100元"));
    assertThat(payments).hasValue(1);
    assertThat(b.trackers.load(BOB).orElseThrow().activeForm()).isEmpty();
  }
}
