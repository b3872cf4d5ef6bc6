package io.gridbot.channel.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.dialog.channel.Reply;
import io.gridbot.dialog.store.StateStore;
import io.gridbot.dialog.store.StateStores;
import io.gridbot.dialog.store.StateUnavailable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WeChatTurnsTest {

  static final WeChatUser USER = new WeChatUser("wxturns00000000", "oUser0001");

  final StateStore state = StateStores.inMemoryStateStore();
  final Sent sent = new Sent(state);
  final WeChatTurns turns = new WeChatTurns(state, sent, settings(Duration.ofMillis(300)));

  @AfterEach
  void stop() throws InterruptedException {
    turns.stop();
  }

  @Test
  void aReadyReplyIsThePassiveReplyAndRetriesGetSuccessWithoutRunningAgain() {
    AtomicInteger runs = new AtomicInteger();

    Optional<String> first = turns.answer("k1", USER, () -> reply(runs, "您好"));
    Optional<String> retry = turns.answer("k1", USER, () -> reply(runs, "again"));

    assertThat(first).contains("您好");
    assertThat(retry).isEmpty();
    assertThat(runs).hasValue(1);
    assertThat(sent.texts).isEmpty();
  }

  @Test
  void aSlowReplyIsAnsweredWithSuccessAndSentOnceAsACustomerServiceMessage() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger runs = new AtomicInteger();

    Optional<String> first =
        turns.answer(
            "k2",
            USER,
            () -> {
              await(release);
              return reply(runs, "慢的回复");
            });
    // WeChat retries while the work still runs: nothing ready within the budget either
    Optional<String> retry = turns.answer("k2", USER, () -> reply(runs, "never"));
    release.countDown();

    assertThat(first).isEmpty();
    assertThat(retry).isEmpty();
    sent.awaitCount(1);
    assertThat(sent.texts).containsExactly("慢的回复");
    assertThat(runs).hasValue(1);
  }

  @Test
  void aRetryArrivingWhenTheLateReplyIsReadyTakesItAndNoCustomerServiceMessageIsSent()
      throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Optional<String>> first =
        CompletableFuture.supplyAsync(
            () ->
                turns.answer(
                    "k3",
                    USER,
                    () -> {
                      started.countDown();
                      await(release);
                      return List.of(Reply.text("第一次的回复"));
                    }));
    await(started);
    assertThat(first.get(2, TimeUnit.SECONDS)).isEmpty(); // gave up after the budget

    // the retry claims the delivery before the worker does (the worker is still blocked)
    state.put("wechat:msg:k3:reply", "[\"第一次的回复\"]", Duration.ofMinutes(1));
    Optional<String> retry = turns.answer("k3", USER, () -> List.of());
    release.countDown();

    assertThat(retry).contains("第一次的回复");
    Thread.sleep(200);
    assertThat(sent.texts).isEmpty();
  }

  @Test
  void aFailureWithinTheBudgetForgetsTheMessageSoThatTheRetryRunsIt() {
    AtomicInteger runs = new AtomicInteger();

    assertThatThrownBy(
            () ->
                turns.answer(
                    "k4",
                    USER,
                    () -> {
                      runs.incrementAndGet();
                      throw new IllegalStateException("database down");
                    }))
        .isInstanceOf(WeChatTurns.TurnFailed.class);
    Optional<String> retry = turns.answer("k4", USER, () -> reply(runs, "好了"));

    assertThat(retry).contains("好了");
    assertThat(runs).hasValue(2);
  }

  @Test
  void aFailureAfterTheBudgetIsToldToTheUser() {
    CountDownLatch release = new CountDownLatch(1);
    Optional<String> first =
        turns.answer(
            "k5",
            USER,
            () -> {
              await(release);
              throw new IllegalStateException("database down");
            });
    release.countDown();

    assertThat(first).isEmpty();
    sent.awaitCount(1);
    assertThat(sent.texts).containsExactly(WeChatTurns.BUSY);
  }

  @Test
  void aLongReplyGoesOutPassivelyInPartAndTheRestAsCustomerServiceMessages() {
    String longText = ("第一行很长的说明。" + "电".repeat(100) + "\n").repeat(12);

    Optional<String> first = turns.answer("k6", USER, () -> List.of(Reply.text(longText)));

    assertThat(first).isPresent();
    assertThat(first.get().length()).isLessThanOrEqualTo(WeChatReplies.MAX_CHARS);
    sent.awaitCount(1);
    assertThat(String.join("\n", first.get(), String.join("\n", sent.texts)).replace("\n", ""))
        .isEqualTo(longText.replace("\n", ""));
  }

  @Test
  void anUnreachableStateStoreFailsTheRequestSoThatWeChatRetries() {
    StateStore down =
        new StateStore() {
          @Override
          public Optional<String> get(String key) {
            throw new StateUnavailable("down", null);
          }

          @Override
          public void put(String key, String value, Duration ttl) {
            throw new StateUnavailable("down", null);
          }

          @Override
          public boolean putIfAbsent(String key, String value, Duration ttl) {
            throw new StateUnavailable("down", null);
          }

          @Override
          public void delete(String key) {}

          @Override
          public long increment(String key, Duration ttl) {
            throw new StateUnavailable("down", null);
          }

          @Override
          public Optional<Duration> ttl(String key) {
            return Optional.empty();
          }

          @Override
          public void ping() {}
        };
    WeChatTurns broken = new WeChatTurns(down, sent, settings(Duration.ofMillis(300)));
    AtomicInteger runs = new AtomicInteger();

    assertThatThrownBy(() -> broken.answer("k7", USER, () -> reply(runs, "x")))
        .isInstanceOf(StateUnavailable.class);
    assertThat(runs).hasValue(0);
  }

  static WeChatSettings settings(Duration budget) {
    return new WeChatSettings(
        List.of(), null, budget, null, null, null, null, null, null, Map.of(), Map.of(), null);
  }

  private static List<Reply> reply(AtomicInteger runs, String text) {
    runs.incrementAndGet();
    return List.of(Reply.text(text));
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(5, TimeUnit.SECONDS)) {
        throw new IllegalStateException("latch never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Records customer-service messages instead of calling WeChat. */
  static final class Sent extends CustomerServiceMessages {
    final List<String> texts = new CopyOnWriteArrayList<>();

    Sent(StateStore state) {
      super(null, state);
    }

    @Override
    Result send(WeChatUser user, List<String> batch) {
      texts.addAll(batch);
      return Result.SENT;
    }

    void awaitCount(int n) {
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (texts.size() < n && System.nanoTime() < until) {
        Thread.onSpinWait();
      }
      assertThat(texts).hasSizeGreaterThanOrEqualTo(n);
    }
  }
}
