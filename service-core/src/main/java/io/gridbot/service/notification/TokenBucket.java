package io.gridbot.service.notification;

import java.util.function.LongSupplier;

/**
 * A per-instance rate limit: at most {@code perSecond} permits a second on average, with bursts of
 * up to {@code perSecond}. With N instances a channel sees up to N times the rate; configure the
 * rate per instance accordingly.
 */
final class TokenBucket {

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final long perSecond;
  private final LongSupplier nanoTime;
  private double tokens;
  private long last;

  TokenBucket(long perSecond, LongSupplier nanoTime) {
    if (perSecond < 1) {
      throw new IllegalArgumentException("rate must be at least 1 a second, got " + perSecond);
    }
    this.perSecond = perSecond;
    this.nanoTime = nanoTime;
    this.tokens = perSecond;
    this.last = nanoTime.getAsLong();
  }

  TokenBucket(long perSecond) {
    this(perSecond, System::nanoTime);
  }

  /**
   * Takes a permit if one is available now.
   *
   * @return 0 if taken, else the nanoseconds until one will be
   */
  synchronized long tryTake() {
    long now = nanoTime.getAsLong();
    tokens = Math.min(perSecond, tokens + (now - last) * (double) perSecond / NANOS_PER_SECOND);
    last = now;
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    return (long) Math.ceil((1 - tokens) * NANOS_PER_SECOND / perSecond);
  }

  /** Waits until a permit is available and takes it. */
  void take() throws InterruptedException {
    long wait;
    while ((wait = tryTake()) > 0) {
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
  }
}
