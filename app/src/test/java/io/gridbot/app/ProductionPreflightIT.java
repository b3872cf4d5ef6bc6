package io.gridbot.app;

import static org.assertj.core.api.Assertions.assertThatNoException;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockEnvironment;

/** With the real MariaDB and Redis configured, the prod checks pass. */
class ProductionPreflightIT {

  /** Resolves the gridbot.test.* settings from system properties or GRIDBOT_TEST_* variables. */
  private static final StandardEnvironment TEST = new StandardEnvironment();

  @Test
  void reachableServicesPass() {
    MockEnvironment env =
        new MockEnvironment()
            .withProperty(
                "spring.datasource.url",
                TEST.resolvePlaceholders(
                    "jdbc:mysql://${gridbot.test.db.host:127.0.0.1}:${gridbot.test.db.port:3306}/${gridbot.test.db.name:test}"))
            .withProperty(
                "spring.datasource.username",
                TEST.resolvePlaceholders("${gridbot.test.db.user:root}"))
            .withProperty(
                "spring.datasource.password",
                TEST.resolvePlaceholders("${gridbot.test.db.password:}"))
            .withProperty(
                "gridbot.state.redis.url",
                TEST.resolvePlaceholders(
                    "redis://${gridbot.test.redis.host:127.0.0.1}:${gridbot.test.redis.port:6379}"));

    assertThatNoException().isThrownBy(() -> new ProductionPreflight().check(env));
  }
}
