package io.gridbot.dialog.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The configured Redis stores against the real Redis; see {@link TestRedis}. */
class StateConfigurationIT {

  @Test
  void theConfiguredRedisStoresShareStateUnderTheConfiguredPrefix() {
    try (TestRedis redis = new TestRedis()) {
      new ApplicationContextRunner()
          .withUserConfiguration(StateConfiguration.class)
          .withPropertyValues(
              "gridbot.state.type=redis",
              "gridbot.state.key-prefix=" + redis.runPrefix,
              "gridbot.state.redis.url=" + TestRedis.url())
          .run(
              started -> {
                StateStore state = started.getBean(StateStore.class);
                LockStore locks = started.getBean(LockStore.class);

                state.ping();
                state.put("conv:1", "v", Duration.ofMinutes(1));
                locks.acquire("conv:1", Duration.ofMinutes(1), Duration.ZERO);

                assertThat(redis.commands().get(redis.runPrefix + "conv:1")).isEqualTo("v");
                assertThat(redis.commands().exists(redis.runPrefix + "lock:conv:1")).isOne();
              });
    }
  }
}
