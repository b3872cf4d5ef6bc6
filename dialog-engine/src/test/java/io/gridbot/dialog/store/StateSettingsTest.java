package io.gridbot.dialog.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.dialog.store.StateSettings.Redis;
import io.gridbot.dialog.store.StateSettings.Type;
import io.lettuce.core.RedisURI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StateSettingsTest {

  @Test
  void defaultsToMemoryWithTheGridbotPrefixAndTwoSecondTimeouts() {
    StateSettings settings = StateSettings.defaults();

    assertThat(settings.type()).isEqualTo(Type.MEMORY);
    assertThat(settings.keyPrefix()).isEqualTo("gridbot:");
    assertThat(settings.redis().url()).isNull();
    assertThat(settings.redis().connectTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(settings.redis().commandTimeout()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void redisWithoutAUrlIsRejectedNamingThePropertyAndTheEnvironmentVariable() {
    assertThatThrownBy(() -> new StateSettings(Type.REDIS, null, new Redis(" ", null, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gridbot.state.redis.url")
        .hasMessageContaining("GRIDBOT_REDIS_URL");
  }

  @Test
  void theUrlGivesTheClientItsAddressDatabasePasswordAndCommandTimeout() {
    Redis redis = new Redis("redis://:s3cret@redis.internal:6380/2", null, Duration.ofMillis(500));

    RedisURI uri = redis.toRedisUri();

    assertThat(uri.getHost()).isEqualTo("redis.internal");
    assertThat(uri.getPort()).isEqualTo(6380);
    assertThat(uri.getDatabase()).isEqualTo(2);
    assertThat(uri.getPassword()).isEqualTo("s3cret".toCharArray());
    assertThat(uri.getTimeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(RedisConnector.address(uri)).isEqualTo("redis://redis.internal:6380/2");
  }

  @Test
  void thePasswordNeverShowsInToStringOrTheMaskedUrl() {
    StateSettings settings =
        new StateSettings(
            Type.REDIS,
            null,
            new Redis("redis://default:s3cret@redis.internal:6379/0", null, null));

    assertThat(settings.toString())
        .doesNotContain("s3cret")
        .contains("redis://******@redis.internal:6379/0");
    assertThat(settings.redis().maskedUrl()).isEqualTo("redis://******@redis.internal:6379/0");
  }

  @Test
  void aMalformedUrlIsRejectedWithoutQuotingIt() {
    assertThatThrownBy(() -> new Redis("redis//:s3cret@bad host", null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gridbot.state.redis.url")
        .hasMessageNotContaining("s3cret")
        .hasNoCause();
  }

  @Test
  void timeoutsMustBePositive() {
    assertThatThrownBy(() -> new Redis(null, Duration.ZERO, null))
        .hasMessageContaining("connect-timeout");
    assertThatThrownBy(() -> new Redis(null, null, Duration.ofSeconds(-1)))
        .hasMessageContaining("command-timeout");
  }
}
