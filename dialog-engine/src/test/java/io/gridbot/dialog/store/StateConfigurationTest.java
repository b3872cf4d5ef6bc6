package io.gridbot.dialog.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class StateConfigurationTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner().withUserConfiguration(StateConfiguration.class);

  @Test
  void createsInMemoryStoresByDefault() {
    context.run(
        started -> {
          assertThat(started).hasNotFailed();
          assertThat(started.getBean(StateStore.class)).isInstanceOf(InMemoryStateStore.class);
          assertThat(started.getBean(LockStore.class)).isInstanceOf(InMemoryLockStore.class);
          StateStore state = started.getBean(StateStore.class);
          state.put("conv:1", "v", Duration.ofMinutes(1));
          assertThat(state.get("conv:1")).contains("v");
        });
  }

  @Test
  void createsRedisStoresWhenConfiguredWithoutConnectingAtStartUp() {
    // port 1: nothing listens, and start-up must not need Redis
    context
        .withPropertyValues(
            "gridbot.state.type=redis",
            "gridbot.state.key-prefix=gb:",
            "gridbot.state.redis.url=redis://:s3cret@127.0.0.1:1/0",
            "gridbot.state.redis.connect-timeout=300ms",
            "gridbot.state.redis.command-timeout=1s")
        .run(
            started -> {
              assertThat(started).hasNotFailed();
              assertThat(started.getBean(StateStore.class)).isInstanceOf(RedisStateStore.class);
              assertThat(started.getBean(LockStore.class)).isInstanceOf(RedisLockStore.class);
              StateSettings settings = started.getBean(StateSettings.class);
              assertThat(settings.keyPrefix()).isEqualTo("gb:");
              assertThat(settings.redis().connectTimeout()).isEqualTo(Duration.ofMillis(300));
              assertThat(settings.redis().commandTimeout()).isEqualTo(Duration.ofSeconds(1));
            });
  }

  @Test
  void redisWithoutAUrlFailsStartUpNamingTheSetting() {
    context
        .withPropertyValues("gridbot.state.type=redis")
        .run(
            started ->
                assertThat(started)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("gridbot.state.redis.url")
                    .hasMessageContaining("GRIDBOT_REDIS_URL"));
  }
}
