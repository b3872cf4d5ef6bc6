package io.gridbot.dialog.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract, met by the Redis stores against a real Redis; see {@link TestRedis}. */
class RedisStateStoreIT extends StateStoreContract {

  private static final AtomicInteger TESTS = new AtomicInteger();
  private static TestRedis redis;
  private static RedisConnector connector;

  private String prefix;
  private StateStore stateStore;
  private LockStore lockStore;

  @BeforeAll
  static void connect() {
    redis = new TestRedis();
    connector = new RedisConnector(TestRedis.settings(Duration.ofSeconds(2)));
  }

  @AfterAll
  static void cleanUp() {
    try (TestRedis toClose = redis) {
      if (connector != null) {
        connector.close();
      }
    }
  }

  @BeforeEach
  void freshStores() {
    // a prefix per test: every test starts on an empty key space
    prefix = redis.runPrefix + TESTS.incrementAndGet() + ":";
    stateStore = new RedisStateStore(connector, prefix);
    lockStore = new RedisLockStore(connector, prefix);
  }

  @Override
  StateStore stateStore() {
    return stateStore;
  }

  @Override
  LockStore lockStore() {
    return lockStore;
  }

  @Test
  void keysLiveUnderThePrefixWithAnExpiry() {
    // given / when
    stateStore.put("conv:1", "v", LONG);
    stateStore.increment("rate:1", LONG);
    lockStore.acquire("conv:1", LONG, NO_WAIT);

    // then
    assertThat(redis.commands().get(prefix + "conv:1")).isEqualTo("v");
    assertThat(redis.commands().pttl(prefix + "conv:1")).isBetween(1L, LONG.toMillis());
    assertThat(redis.commands().pttl(prefix + "rate:1")).isBetween(1L, LONG.toMillis());
    assertThat(redis.commands().get(prefix + "lock:conv:1")).hasSize(36); // a UUID token
    assertThat(redis.commands().pttl(prefix + "lock:conv:1")).isBetween(1L, LONG.toMillis());
    assertThat(redis.commands().exists("conv:1", "gridbot:conv:1")).isZero();
  }

  @Test
  void incrementGivesAnExpiryToACounterLeftWithoutOne() {
    // given a counter some other writer left without an expiry
    redis.commands().set(prefix + "rate:1", "5");

    // when
    long counted = stateStore.increment("rate:1", Duration.ofSeconds(30));

    // then
    assertThat(counted).isEqualTo(6);
    assertThat(redis.commands().pttl(prefix + "rate:1")).isBetween(1L, 30_000L);
  }
}
