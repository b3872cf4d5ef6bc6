package io.gridbot.dialog.store;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/** {@link StateStore} in Redis, every key under a prefix. */
final class RedisStateStore implements StateStore {

  /**
   * INCR, then a time to live only for a counter that has none, i.e. one INCR just created. Keys
   * this store writes always carry one, so a counter's first time to live is never extended.
   */
  private static final String INCREMENT =
      "local n = redis.call('INCR', KEYS[1]) "
          + "if redis.call('PTTL', KEYS[1]) == -1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end "
          + "return n";

  private final RedisConnector redis;
  private final String keyPrefix;

  RedisStateStore(RedisConnector redis, String keyPrefix) {
    this.redis = Objects.requireNonNull(redis, "redis");
    this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
  }

  @Override
  public Optional<String> get(String key) {
    String k = prefixed(key);
    return Optional.ofNullable(redis.execute("GET", k, c -> c.get(k)));
  }

  @Override
  public void put(String key, String value, Duration ttl) {
    String k = prefixed(key);
    Objects.requireNonNull(value, "value");
    SetArgs expiry = SetArgs.Builder.px(Durations.positiveMillis(ttl, "ttl"));
    redis.execute("SET", k, c -> c.set(k, value, expiry));
  }

  @Override
  public boolean putIfAbsent(String key, String value, Duration ttl) {
    String k = prefixed(key);
    Objects.requireNonNull(value, "value");
    SetArgs ifAbsent = SetArgs.Builder.nx().px(Durations.positiveMillis(ttl, "ttl"));
    return "OK".equals(redis.execute("SET NX", k, c -> c.set(k, value, ifAbsent)));
  }

  @Override
  public void delete(String key) {
    String k = prefixed(key);
    redis.execute("DEL", k, c -> c.del(k));
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException when the key holds a value that is not a counter
   */
  @Override
  public long increment(String key, Duration ttl) {
    String k = prefixed(key);
    String ttlMillis = Long.toString(Durations.positiveMillis(ttl, "ttl"));
    try {
      Long counted =
          redis.execute(
              "INCR",
              k,
              c -> c.eval(INCREMENT, ScriptOutputType.INTEGER, new String[] {k}, ttlMillis));
      return counted;
    } catch (StateUnavailable e) {
      if (e.getCause() instanceof RedisCommandExecutionException error
          && String.valueOf(error.getMessage()).contains("not an integer")) {
        throw new IllegalStateException(
            "key " + key + " does not hold a counter that can be incremented", error);
      }
      throw e;
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>A key without an expiry, which only a writer other than this store can leave, reports {@link
   * ChronoUnit#FOREVER}.
   */
  @Override
  public Optional<Duration> ttl(String key) {
    String k = prefixed(key);
    long millis = redis.execute("PTTL", k, c -> c.pttl(k));
    if (millis == -2) {
      return Optional.empty();
    }
    return Optional.of(millis == -1 ? ChronoUnit.FOREVER.getDuration() : Duration.ofMillis(millis));
  }

  @Override
  public void ping() {
    redis.execute("PING", null, c -> c.ping());
  }

  private String prefixed(String key) {
    return keyPrefix + Objects.requireNonNull(key, "key");
  }
}
