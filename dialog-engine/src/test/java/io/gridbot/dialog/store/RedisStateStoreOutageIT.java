package io.gridbot.dialog.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The Redis stores when Redis is down or stops answering: a prompt, clear StateUnavailable. */
class RedisStateStoreOutageIT {

  private static final Duration TIMEOUT = Duration.ofMillis(300);
  private static final Duration BOUND = Duration.ofSeconds(2);

  @Test
  void aClosedPortGivesStateUnavailableNamingTheCommandAndKeyButNotTheValue() {
    // given Redis configured on a port where nothing listens
    try (RedisConnector connector = connector("redis://:s3cret@127.0.0.1:1/0")) {
      StateStore state = new RedisStateStore(connector, "gridbot:");

      // when / then
      StateUnavailable failure = failsPromptly(() -> state.get("conv:1"));
      assertThat(failure)
          .hasMessageContaining("GET gridbot:conv:1")
          .hasMessageContaining("127.0.0.1:1")
          .hasMessageNotContaining("s3cret");

      StateUnavailable putFailure =
          failsPromptly(() -> state.put("conv:1", "户号 3302123490", BOUND));
      assertThat(putFailure).hasMessageContaining("SET gridbot:conv:1");
      assertThat(putFailure).hasMessageNotContaining("3302123490");
      failsPromptly(state::ping);
    }
  }

  @Test
  void aClosedPortMakesLockingFailWithStateUnavailableNotLockTimeout() {
    try (RedisConnector connector = connector("redis://127.0.0.1:1/0")) {
      LockStore locks = new RedisLockStore(connector, "gridbot:");

      assertThat(failsPromptly(() -> locks.acquire("conv:1", BOUND, BOUND)))
          .hasMessageContaining("gridbot:lock:conv:1");
    }
  }

  @Test
  void aServerThatNeverAnswersGivesStateUnavailableWithinTheTimeouts() throws Exception {
    // given a server that accepts connections and never answers
    try (FreezableProxy silent = FreezableProxy.silent();
        RedisConnector connector = connector("redis://127.0.0.1:" + silent.port() + "/0")) {
      StateStore state = new RedisStateStore(connector, "gridbot:");

      // when / then
      assertThat(failsPromptly(() -> state.increment("rate:1", BOUND)))
          .hasMessageContaining("gridbot:rate:1");
    }
  }

  @Test
  void aCommandTimeoutOnAnOpenConnectionGivesStateUnavailableAndTheStoreRecovers()
      throws Exception {
    // given a working connection through a proxy
    try (FreezableProxy proxy = new FreezableProxy(TestRedis.host(), TestRedis.port());
        TestRedis redis = new TestRedis();
        RedisConnector connector = connector("redis://127.0.0.1:" + proxy.port() + "/0")) {
      StateStore state = new RedisStateStore(connector, redis.runPrefix);
      state.put("conv:1", "v", BOUND);

      // when Redis stops answering
      proxy.freeze();

      // then
      assertThat(failsPromptly(() -> state.get("conv:1")))
          .hasMessageContaining("GET " + redis.runPrefix + "conv:1")
          .hasMessageContaining("timed out");

      // and when it answers again, so does the store
      proxy.thaw();
      await()
          .atMost(BOUND)
          .ignoreException(StateUnavailable.class)
          .until(() -> state.get("conv:1").isPresent());
    }
  }

  private static RedisConnector connector(String url) {
    return new RedisConnector(new StateSettings.Redis(url, TIMEOUT, TIMEOUT));
  }

  /** Runs {@code call}, expecting StateUnavailable well within the timeouts, not a hang. */
  private static StateUnavailable failsPromptly(ThrowingCallable call) {
    long start = System.nanoTime();
    Throwable thrown = catchThrowable(call);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
    assertThat(thrown).isInstanceOf(StateUnavailable.class);
    return (StateUnavailable) thrown;
  }
}
