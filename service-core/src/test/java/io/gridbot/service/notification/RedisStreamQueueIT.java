package io.gridbot.service.notification;

import io.gridbot.service.MutableClock;
import io.lettuce.core.RedisClient;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The queue contract on the real Redis at 127.0.0.1:6379, a fresh stream per test. */
@SpringBootTest(
    properties = {
      "gridbot.notifications.consume=false",
      "logging.level.io.gridbot.service=info",
      "spring.datasource.hikari.maximum-pool-size=12"
    })
@ActiveProfiles("it")
class RedisStreamQueueIT extends QueueContract {

  static final String REDIS_URL = "redis://127.0.0.1:6379";

  private static RedisClient client;
  private RedisStreamQueue redis;

  @BeforeAll
  static void connect() {
    client = RedisClient.create(REDIS_URL);
  }

  @AfterAll
  static void disconnect() {
    client.shutdown();
  }

  @Override
  NotificationQueue newQueue(MutableClock clock) {
    redis =
        new RedisStreamQueue(
            client,
            "test:notify:" + UUID.randomUUID(),
            "dispatchers",
            "c1",
            16,
            Duration.ofMillis(500),
            Duration.ofMillis(100),
            clock);
    return redis;
  }

  @Override
  List<String> deadLetterReasons() {
    return redis.deadLetters(100).stream().map(body -> body.get("reason")).toList();
  }

  @Override
  long entriesLeft() {
    try (var connection = client.connect()) {
      return connection.sync().xlen(redis.stream());
    }
  }

  @Override
  void cleanUp() {
    try (var connection = client.connect()) {
      connection.sync().del(redis.stream(), redis.laterKey(), redis.deadKey());
    }
    redis.close();
  }
}
