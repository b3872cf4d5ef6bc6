package io.gridbot.dialog.store;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * {@link LockStore} in Redis: a lock is the key {@code <prefix>lock:<name>} holding its holder's
 * random token, set with NX and the lease as expiry, deleted on release only while it still holds
 * that token. Waiting retries with a backoff from 5 ms doubling to 50 ms.
 *
 * <p>An interrupted wait ends like a timeout ({@link LockTimeout}) with the interrupt flag set
 * again. When Redis took the lock but its answer timed out, the caller sees {@link
 * StateUnavailable} and the lock frees itself when its lease ends.
 */
final class RedisLockStore implements LockStore {

  private static final String COMPARE_AND_DELETE =
      "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) "
          + "else return 0 end";
  private static final long FIRST_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
  private static final long MAX_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private final RedisConnector redis;
  private final String keyPrefix;

  RedisLockStore(RedisConnector redis, String keyPrefix) {
    this.redis = Objects.requireNonNull(redis, "redis");
    this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix") + "lock:";
  }

  @Override
  public Lease acquire(String key, Duration lease, Duration waitTimeout) {
    String k = keyPrefix + Objects.requireNonNull(key, "key");
    SetArgs ifFree = SetArgs.Builder.nx().px(Durations.positiveMillis(lease, "lease"));
    long waitNanos = Durations.notNegativeNanos(waitTimeout, "waitTimeout");
    String token = UUID.randomUUID().toString();
    long start = System.nanoTime();
    long backoff = FIRST_BACKOFF_NANOS;
    while (!"OK".equals(redis.execute("SET NX", k, c -> c.set(k, token, ifFree)))) {
      long remaining = waitNanos - (System.nanoTime() - start);
      if (remaining <= 0) {
        throw new LockTimeout(key, Duration.ofNanos(waitNanos));
      }
      try {
        TimeUnit.NANOSECONDS.sleep(Math.min(backoff, remaining));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LockTimeout(key, Duration.ofNanos(System.nanoTime() - start));
      }
      backoff = Math.min(backoff * 2, MAX_BACKOFF_NANOS);
    }
    return new RedisLease(key, k, token);
  }

  private final class RedisLease implements Lease {
    private final String key;
    private final String redisKey;
    private final String token;

    RedisLease(String key, String redisKey, String token) {
      this.key = key;
      this.redisKey = redisKey;
      this.token = token;
    }

    @Override
    public String key() {
      return key;
    }

    /**
     * {@inheritDoc}
     *
     * @throws StateUnavailable when Redis cannot be reached; the lock then frees itself when its
     *     lease ends
     */
    @Override
    public boolean release() {
      Long deleted =
          redis.execute(
              "EVAL compare-and-delete",
              redisKey,
              c ->
                  c.eval(
                      COMPARE_AND_DELETE,
                      ScriptOutputType.INTEGER,
                      new String[] {redisKey},
                      token));
      return deleted == 1;
    }
  }
}
