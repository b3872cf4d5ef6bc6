package io.gridbot.app;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ProductionPreflightTest {

  private final ProductionPreflight preflight = new ProductionPreflight();

  @Test
  void missingSettingsAreAllNamedByTheirEnvironmentVariables() {
    // given a prod environment with nothing configured
    MockEnvironment env = new MockEnvironment();

    // when / then
    assertThatIllegalStateException()
        .isThrownBy(() -> preflight.check(env))
        .withMessageContaining("GRIDBOT_DB_URL is not set")
        .withMessageContaining("GRIDBOT_DB_USER is not set")
        .withMessageContaining("GRIDBOT_REDIS_URL is not set");
  }

  @Test
  void anEmbeddedDatabaseIsRefused() {
    MockEnvironment env =
        new MockEnvironment()
            .withProperty("spring.datasource.url", "jdbc:h2:file:./data/gridbot")
            .withProperty("spring.datasource.username", "sa")
            .withProperty("gridbot.state.redis.url", "redis://127.0.0.1:1");

    assertThatIllegalStateException()
        .isThrownBy(() -> preflight.check(env))
        .withMessageContaining("GRIDBOT_DB_URL must be a MySQL JDBC URL");
  }

  @Test
  void unreachableServicesAreNamedWithoutTheirSecrets() {
    // given settings pointing at ports where nothing listens
    MockEnvironment env =
        new MockEnvironment()
            .withProperty("spring.datasource.url", "jdbc:mysql://127.0.0.1:1/gridbot?password=hush")
            .withProperty("spring.datasource.username", "gridbot")
            .withProperty("spring.datasource.password", "s3cret")
            .withProperty("gridbot.state.redis.url", "redis://:s3cret@127.0.0.1:1/0");

    // when / then
    assertThatIllegalStateException()
        .isThrownBy(() -> preflight.check(env))
        .withMessageContaining(
            "cannot reach the database at jdbc:mysql://127.0.0.1:1/gridbot as gridbot")
        .withMessageContaining("cannot reach Redis at 127.0.0.1:1")
        .withMessageNotContaining("s3cret")
        .withMessageNotContaining("hush");
  }

  @Test
  void aMalformedRedisUrlIsNamed() {
    MockEnvironment env =
        new MockEnvironment()
            .withProperty("spring.datasource.url", "jdbc:mysql://127.0.0.1:1/gridbot")
            .withProperty("spring.datasource.username", "gridbot")
            .withProperty("gridbot.state.redis.url", "127.0.0.1:6379");

    assertThatIllegalStateException()
        .isThrownBy(() -> preflight.check(env))
        .withMessageContaining("GRIDBOT_REDIS_URL is not a Redis URL");
  }

  @Test
  void otherProfilesAreNotChecked() {
    // the listener only acts on the prod profile; an empty default environment passes through
    MockEnvironment env = new MockEnvironment();
    assertThatNoException()
        .isThrownBy(
            () ->
                preflight.onApplicationEvent(
                    new org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent(
                        null,
                        new org.springframework.boot.SpringApplication(),
                        new String[0],
                        env)));
  }
}
