package io.gridbot.service.notification;

import java.time.Duration;
import java.util.Objects;

/**
 * Exponential backoff for retries: {@code base} after the first attempt, doubling after each
 * further one, never more than {@code max}.
 */
record Backoff(Duration base, Duration max) {

  Backoff {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(max, "max");
    if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
      throw new IllegalArgumentException("backoff needs 0 < base <= max: " + base + ", " + max);
    }
  }

  /** How long to wait after {@code attempts} attempts (1 or more). */
  Duration after(int attempts) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts start at 1, got " + attempts);
    }
    int doublings = Math.min(attempts - 1, 30);
    Duration wait = base.multipliedBy(1L << doublings);
    return wait.compareTo(max) > 0 ? max : wait;
  }
}
