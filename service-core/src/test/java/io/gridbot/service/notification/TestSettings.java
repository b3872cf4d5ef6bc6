package io.gridbot.service.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Settings and waiting for the tests of dispatch. */
final class TestSettings {

  private TestSettings() {}

  /** Short waits: retries after 1 s doubling up to 4 s, takeover after 500 ms idle. */
  static NotificationSettings settings(int maxAttempts) {
    return new NotificationSettings(
        NotificationSettings.QueueKind.MEMORY,
        "",
        "unused",
        "dispatchers",
        "test",
        true,
        2,
        32,
        Duration.ofMillis(500),
        Duration.ofSeconds(30),
        maxAttempts,
        Duration.ofSeconds(1),
        Duration.ofSeconds(4),
        Map.of(),
        100_000,
        1000,
        new NotificationSettings.Jobs(
            false,
            "0 0 9 * * *",
            "0 30 9 * * MON",
            "0 0 10 * * *",
            Duration.ofDays(3),
            Duration.ofMinutes(30),
            Duration.ZERO),
        NotificationSettings.Outbox.defaults());
  }

  /** Waits up to {@code timeout} for the condition; returns whether it came true. */
  static boolean await(Duration timeout, BooleanSupplier condition) {
    Instant end = Instant.now().plus(timeout);
    while (Instant.now().isBefore(end)) {
      if (condition.getAsBoolean()) {
        return true;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return condition.getAsBoolean();
  }
}
