package io.gridbot.dialog.store;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@link LockStore} in this process. Waiters sleep on a condition per key and wake when the holder
 * releases or its lease runs out; leases follow the given clock, waiting follows real time.
 *
 * <p>An interrupted wait ends like a timeout ({@link LockTimeout}) with the interrupt flag set
 * again.
 */
final class InMemoryLockStore implements LockStore {

  private final Clock clock;
  private final ReentrantLock mutex = new ReentrantLock();
  private final Map<String, KeyLock> locks = new HashMap<>(); // guarded by mutex
  private final SweepSchedule sweep;

  InMemoryLockStore(Clock clock) {
    this(clock, InMemoryStateStore.DEFAULT_SWEEP_INTERVAL);
  }

  InMemoryLockStore(Clock clock, Duration sweepInterval) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sweep =
        new SweepSchedule(clock.millis(), Durations.positiveMillis(sweepInterval, "sweepInterval"));
  }

  @Override
  public Lease acquire(String key, Duration lease, Duration waitTimeout) {
    Objects.requireNonNull(key, "key");
    long leaseMillis = Durations.positiveMillis(lease, "lease");
    long waitNanos = Durations.notNegativeNanos(waitTimeout, "waitTimeout");
    long start = System.nanoTime();
    mutex.lock();
    try {
      sweepIfDue(clock.millis());
      KeyLock lock = locks.computeIfAbsent(key, k -> new KeyLock());
      lock.waiters++;
      try {
        return await(key, lock, leaseMillis, waitNanos, start);
      } finally {
        lock.waiters--;
        forgetIfUnused(key, lock);
      }
    } finally {
      mutex.unlock();
    }
  }

  /** Keys with a holder or a waiter, expired or not; for tests of the clean-up. */
  int size() {
    mutex.lock();
    try {
      return locks.size();
    } finally {
      mutex.unlock();
    }
  }

  private Lease await(String key, KeyLock lock, long leaseMillis, long waitNanos, long start) {
    while (true) {
      long now = clock.millis();
      if (lock.freeAt(now)) {
        Object token = new Object();
        lock.holder = token;
        lock.expiresAt = Durations.plus(now, leaseMillis);
        return new MemoryLease(key, token);
      }
      long remaining = waitNanos - (System.nanoTime() - start);
      if (remaining <= 0) {
        throw new LockTimeout(key, Duration.ofNanos(waitNanos));
      }
      long untilLeaseEnds = TimeUnit.MILLISECONDS.toNanos(lock.expiresAt - now);
      try {
        lock.released.awaitNanos(Math.min(remaining, untilLeaseEnds));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LockTimeout(key, Duration.ofNanos(System.nanoTime() - start));
      }
    }
  }

  private boolean release(String key, Object token) {
    mutex.lock();
    try {
      KeyLock lock = locks.get(key);
      if (lock == null || lock.holder != token) {
        return false;
      }
      boolean stillLeased = !lock.freeAt(clock.millis());
      lock.holder = null;
      lock.released.signalAll();
      forgetIfUnused(key, lock);
      return stillLeased;
    } finally {
      mutex.unlock();
    }
  }

  private void forgetIfUnused(String key, KeyLock lock) {
    if (lock.waiters == 0 && lock.freeAt(clock.millis())) {
      locks.remove(key, lock);
    }
  }

  private void sweepIfDue(long now) {
    if (sweep.claim(now)) {
      locks.values().removeIf(lock -> lock.waiters == 0 && lock.freeAt(now));
    }
  }

  /** The state of one key's lock; every field guarded by {@link #mutex}. */
  private final class KeyLock {
    final Condition released = mutex.newCondition();
    Object holder;
    long expiresAt;
    int waiters;

    boolean freeAt(long now) {
      return holder == null || now >= expiresAt;
    }
  }

  private final class MemoryLease implements Lease {
    private final String key;
    private final Object token;

    MemoryLease(String key, Object token) {
      this.key = key;
      this.token = token;
    }

    @Override
    public String key() {
      return key;
    }

    @Override
    public boolean release() {
      return InMemoryLockStore.this.release(key, token);
    }
  }
}
