package io.gridbot.channel.wechat;

import io.gridbot.dialog.channel.Reply;
import io.gridbot.dialog.store.StateStore;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one delivery of a WeChat message within WeChat's 5 seconds, once whatever the retries.
 *
 * <p>The first delivery of a message (by its key, through the shared state store, so on any
 * instance) runs the work; its texts are kept for the retries. When they are ready within the reply
 * budget they go back as the passive reply. When not, the request answers {@code success} and the
 * texts go out as customer-service messages as soon as they are ready. A retry waits up to the
 * budget for the first delivery's texts. Exactly one of these delivers them: whoever claims the
 * message's delivery first.
 *
 * <p>When the work fails, the key is forgotten so that WeChat's retry runs it again; a failure
 * after the budget is told to the user as a customer-service message.
 */
@Component
class WeChatTurns {

  private static final Logger log = LoggerFactory.getLogger(WeChatTurns.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration POLL = Duration.ofMillis(50);
  static final String BUSY = "抱歉，系统有点忙，刚才的消息没能处理，请稍后再发一次。";

  private final StateStore state;
  private final CustomerServiceMessages customerService;
  private final WeChatSettings settings;
  private final ThreadPoolExecutor workers;

  WeChatTurns(StateStore state, CustomerServiceMessages customerService, WeChatSettings settings) {
    this.state = state;
    this.customerService = customerService;
    this.settings = settings;
    AtomicInteger n = new AtomicInteger();
    this.workers =
        new ThreadPoolExecutor(
            8,
            64,
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(2000),
            r -> {
              Thread t = new Thread(r, "wechat-turn-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            },
            new ThreadPoolExecutor.CallerRunsPolicy());
  }

  /**
   * Delivers a message's answer.
   *
   * @param key identifies the message across retries, e.g. {@code <appid>:<msgid>}
   * @param work computes the replies (runs at most once per key while it is remembered)
   * @return the passive reply's text; empty to answer {@code success}
   * @throws TurnFailed when the work failed within the budget (WeChat should retry)
   */
  Optional<String> answer(String key, WeChatUser user, Supplier<List<Reply>> work) {
    if (!state.putIfAbsent(seenKey(key), "1", settings.dedupeTtl())) {
      return redelivered(key);
    }
    AtomicInteger stage = new AtomicInteger(); // 0 waiting, 1 request gave up, 2 work done
    CompletableFuture<List<String>> turn =
        CompletableFuture.supplyAsync(() -> run(key, user, work, stage), workers);
    try {
      return passive(key, user, turn.get(settings.replyBudget().toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      if (stage.compareAndSet(0, 1)) {
        log.info(
            "reply to {} not ready within {} ms: answered success, sending later",
            user.conversation(),
            settings.replyBudget().toMillis());
        return Optional.empty();
      }
      return passive(key, user, turn.join());
    } catch (ExecutionException e) {
      throw new TurnFailed(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TurnFailed(e);
    }
  }

  private List<String> run(
      String key, WeChatUser user, Supplier<List<Reply>> work, AtomicInteger stage) {
    List<String> texts;
    try {
      texts = WeChatReplies.texts(work.get());
      state.put(replyKey(key), JSON.writeValueAsString(texts), settings.dedupeTtl());
    } catch (RuntimeException e) {
      forget(key);
      if (!stage.compareAndSet(0, 2)) {
        log.error("message {} of {} failed after the reply budget", key, user.conversation(), e);
        customerService.send(user, List.of(BUSY));
      }
      throw e;
    }
    if (!stage.compareAndSet(0, 2)) {
      deliverLate(key, user, texts);
    }
    return texts;
  }

  private Optional<String> passive(String key, WeChatUser user, List<String> texts) {
    if (texts.isEmpty() || !claim(key)) {
      return Optional.empty();
    }
    if (texts.size() > 1) {
      List<String> rest = texts.subList(1, texts.size());
      workers.execute(() -> customerService.send(user, rest));
    }
    return Optional.of(texts.get(0));
  }

  private void deliverLate(String key, WeChatUser user, List<String> texts) {
    if (!texts.isEmpty() && claim(key)) {
      customerService.send(user, texts);
    }
  }

  /** A retry: the first delivery's texts, when they are ready within the budget. */
  private Optional<String> redelivered(String key) {
    long deadline = System.nanoTime() + settings.replyBudget().toNanos();
    do {
      Optional<String> stored = state.get(replyKey(key));
      if (stored.isPresent()) {
        List<String> texts = JSON.readValue(stored.get(), new TypeReference<List<String>>() {});
        // the rest of a long reply was sent by the first delivery
        return texts.isEmpty() || !claim(key) ? Optional.empty() : Optional.of(texts.get(0));
      }
      sleep();
    } while (System.nanoTime() < deadline);
    return Optional.empty();
  }

  private boolean claim(String key) {
    return state.putIfAbsent(deliveredKey(key), "1", settings.dedupeTtl());
  }

  private void forget(String key) {
    try {
      state.delete(seenKey(key));
    } catch (RuntimeException e) {
      log.warn("could not forget message {}: its retries will be ignored", key, e);
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @PreDestroy
  void stop() throws InterruptedException {
    workers.shutdown();
    workers.awaitTermination(10, TimeUnit.SECONDS);
  }

  private static String seenKey(String key) {
    return "wechat:msg:" + key;
  }

  private static String replyKey(String key) {
    return "wechat:msg:" + key + ":reply";
  }

  private static String deliveredKey(String key) {
    return "wechat:msg:" + key + ":delivered";
  }

  /** The work of a message failed; the message was forgotten so that a retry runs it again. */
  static final class TurnFailed extends RuntimeException {
    TurnFailed(Throwable cause) {
      super(cause);
    }
  }
}
