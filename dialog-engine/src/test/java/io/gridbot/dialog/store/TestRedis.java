package io.gridbot.dialog.store;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The real Redis of the integration tests, at system properties {@code gridbot.test.redis.host} /
 * {@code .port} (set by Failsafe), else environment {@code GRIDBOT_TEST_REDIS_HOST} / {@code
 * _PORT}, else 127.0.0.1:6379. A direct connection to check what the stores wrote and to clean up.
 */
final class TestRedis implements AutoCloseable {

  /** Unique to this run, so parallel runs against one Redis never see each other's keys. */
  final String runPrefix = "gridbot-test:" + UUID.randomUUID() + ":";

  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;

  /** Connects, failing (not skipping) the tests when Redis is unreachable. */
  TestRedis() {
    client = RedisClient.create(RedisURI.create(host(), port()));
    connection = client.connect();
    connection.sync().ping();
  }

  static String host() {
    return setting("gridbot.test.redis.host", "GRIDBOT_TEST_REDIS_HOST", "127.0.0.1");
  }

  static int port() {
    return Integer.parseInt(setting("gridbot.test.redis.port", "GRIDBOT_TEST_REDIS_PORT", "6379"));
  }

  static String url() {
    return "redis://" + host() + ":" + port() + "/0";
  }

  static StateSettings.Redis settings(Duration timeout) {
    return new StateSettings.Redis(url(), timeout, timeout);
  }

  RedisCommands<String, String> commands() {
    return connection.sync();
  }

  /** Deletes every key of this run. */
  @Override
  public void close() {
    try {
      List<String> keys = new ArrayList<>();
      ScanIterator.scan(commands(), ScanArgs.Builder.matches(runPrefix + "*").limit(500))
          .forEachRemaining(keys::add);
      if (!keys.isEmpty()) {
        commands().del(keys.toArray(String[]::new));
      }
    } finally {
      connection.close();
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
  }

  private static String setting(String property, String env, String fallback) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      value = System.getenv(env);
    }
    return value == null || value.isBlank() ? fallback : value.strip();
  }
}
