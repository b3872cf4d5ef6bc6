package io.gridbot.dialog.store;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link StateStore} in this process, for development and single-instance deployments. Expiry
 * follows the given clock: expired entries are dropped when read, and a sweep on write every {@code
 * sweepInterval} drops those nobody reads again.
 */
final class InMemoryStateStore implements StateStore {

  static final Duration DEFAULT_SWEEP_INTERVAL = Duration.ofSeconds(30);

  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
  private final Clock clock;
  private final SweepSchedule sweep;

  InMemoryStateStore(Clock clock) {
    this(clock, DEFAULT_SWEEP_INTERVAL);
  }

  InMemoryStateStore(Clock clock, Duration sweepInterval) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sweep =
        new SweepSchedule(clock.millis(), Durations.positiveMillis(sweepInterval, "sweepInterval"));
  }

  @Override
  public Optional<String> get(String key) {
    return live(key, clock.millis()).map(Entry::value);
  }

  @Override
  public void put(String key, String value, Duration ttl) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    long now = clock.millis();
    entries.put(key, new Entry(value, expiry(now, ttl)));
    sweepIfDue(now);
  }

  @Override
  public boolean putIfAbsent(String key, String value, Duration ttl) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    long now = clock.millis();
    Entry fresh = new Entry(value, expiry(now, ttl));
    Entry kept = entries.compute(key, (k, old) -> old == null || old.expiredAt(now) ? fresh : old);
    sweepIfDue(now);
    return kept == fresh;
  }

  @Override
  public void delete(String key) {
    entries.remove(Objects.requireNonNull(key, "key"));
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException when the key holds a value that is not a counter
   */
  @Override
  public long increment(String key, Duration ttl) {
    Objects.requireNonNull(key, "key");
    long now = clock.millis();
    long expiresAt = expiry(now, ttl);
    Entry counted =
        entries.compute(
            key,
            (k, old) ->
                old == null || old.expiredAt(now)
                    ? new Entry("1", expiresAt)
                    : new Entry(Long.toString(next(k, old)), old.expiresAt()));
    sweepIfDue(now);
    return Long.parseLong(counted.value());
  }

  @Override
  public Optional<Duration> ttl(String key) {
    long now = clock.millis();
    return live(key, now).map(entry -> Duration.ofMillis(entry.expiresAt() - now));
  }

  @Override
  public void ping() {
    // always reachable
  }

  /** Entries held, expired or not; for tests of the sweep. */
  int size() {
    return entries.size();
  }

  private Optional<Entry> live(String key, long now) {
    Entry entry = entries.get(Objects.requireNonNull(key, "key"));
    if (entry == null) {
      return Optional.empty();
    }
    if (entry.expiredAt(now)) {
      entries.remove(key, entry);
      return Optional.empty();
    }
    return Optional.of(entry);
  }

  private void sweepIfDue(long now) {
    if (sweep.claim(now)) {
      // removes an entry only if it is still the expired one, never a concurrent replacement
      entries.values().removeIf(entry -> entry.expiredAt(now));
    }
  }

  private static long expiry(long now, Duration ttl) {
    return Durations.plus(now, Durations.positiveMillis(ttl, "ttl"));
  }

  private static long next(String key, Entry counter) {
    try {
      return Math.addExact(Long.parseLong(counter.value()), 1);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalStateException(
          "key " + key + " does not hold a counter that can be incremented");
    }
  }

  private record Entry(String value, long expiresAt) {

    boolean expiredAt(long now) {
      return now >= expiresAt;
    }
  }
}
