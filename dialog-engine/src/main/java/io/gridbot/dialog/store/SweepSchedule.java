package io.gridbot.dialog.store;

import java.util.concurrent.atomic.AtomicLong;

/**
 * When an in-memory store should next drop its expired entries. Reads evict lazily; the sweep
 * catches keys that are written once and never read again, so memory does not grow forever.
 */
final class SweepSchedule {

  private final long intervalMillis;
  private final AtomicLong nextSweepAt;

  SweepSchedule(long nowMillis, long intervalMillis) {
    this.intervalMillis = intervalMillis;
    this.nextSweepAt = new AtomicLong(Durations.plus(nowMillis, intervalMillis));
  }

  /** True for exactly one caller once the interval has passed; that caller sweeps. */
  boolean claim(long nowMillis) {
    long due = nextSweepAt.get();
    return nowMillis >= due
        && nextSweepAt.compareAndSet(due, Durations.plus(nowMillis, intervalMillis));
  }
}
