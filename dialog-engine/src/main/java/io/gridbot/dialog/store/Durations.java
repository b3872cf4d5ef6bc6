package io.gridbot.dialog.store;

import java.time.Duration;
import java.util.Objects;

/** Argument checks and overflow-safe arithmetic for the stores' time arguments. */
final class Durations {

  private Durations() {}

  /**
   * {@code d} in milliseconds, at least 1 (Redis expiries are whole milliseconds).
   *
   * @throws IllegalArgumentException when {@code d} is zero or negative
   */
  static long positiveMillis(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + d);
    }
    return Math.max(1, saturatedMillis(d));
  }

  /**
   * {@code d} in nanoseconds, capped at {@link Long#MAX_VALUE}.
   *
   * @throws IllegalArgumentException when {@code d} is negative
   */
  static long notNegativeNanos(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, was " + d);
    }
    try {
      return d.toNanos();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
  }

  /** {@code epochMillis + millis}, capped at {@link Long#MAX_VALUE} instead of overflowing. */
  static long plus(long epochMillis, long millis) {
    long sum = epochMillis + millis;
    return sum < epochMillis ? Long.MAX_VALUE : sum;
  }

  private static long saturatedMillis(Duration d) {
    try {
      return d.toMillis();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
  }
}
