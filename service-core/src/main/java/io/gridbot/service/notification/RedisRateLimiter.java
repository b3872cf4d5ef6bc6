package io.gridbot.service.notification;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A rate limit per channel shared by every instance: each second (of the instances' clocks, which
 * are assumed to agree within a fraction of a second) a channel gets {@code perSecond} permits in
 * all, counted in Redis ({@code <prefix>:<channel>:<epoch second>}, kept 2 s). A sender that finds
 * the second's permits gone waits for the next second. While Redis cannot count, each instance
 * falls back to its own token bucket, so sends go on at the per-instance rate and nothing waits for
 * Redis.
 */
final class RedisRateLimiter implements RateLimiter, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RedisRateLimiter.class);

  /** INCR the window's counter and give it a lifetime on first use; returns the count. */
  private static final String COUNT =
      "local n = redis.call('INCR', KEYS[1])\n"
          + "if n == 1 then redis.call('PEXPIRE', KEYS[1], 2000) end\n"
          + "return n";

  private static final long RECONNECT_AFTER_MS = 5_000;

  private final RedisClient client;
  private StatefulRedisConnection<String, String> connection;
  private long noConnectionUntil;
  private final String prefix;
  private final ToIntFunction<String> perSecond;
  private final RateLimiter fallback;
  private final LongSupplier millis;
  private final AtomicBoolean degraded = new AtomicBoolean();

  RedisRateLimiter(
      RedisClient client, String prefix, ToIntFunction<String> perSecond, LongSupplier millis) {
    this.client = client;
    this.prefix = prefix;
    this.perSecond = perSecond;
    this.fallback = RateLimiter.local(perSecond);
    this.millis = millis;
  }

  @Override
  public void take(String channel) throws InterruptedException {
    int limit = perSecond.applyAsInt(channel);
    while (true) {
      long now = millis.getAsLong();
      long second = now / 1000;
      Long count;
      try {
        count =
            connection()
                .sync()
                .eval(COUNT, ScriptOutputType.INTEGER, prefix + ":" + channel + ":" + second);
      } catch (RuntimeException e) {
        if (degraded.compareAndSet(false, true)) {
          log.warn("rate limit of {} falls back to this instance's own: {}", channel, e.toString());
        }
        fallback.take(channel);
        return;
      }
      if (degraded.compareAndSet(true, false)) {
        log.info("rate limits are shared through Redis again");
      }
      if (count != null && count <= limit) {
        return;
      }
      Thread.sleep(Math.max(1, (second + 1) * 1000 - now));
    }
  }

  /** The connection, made on first use; after a failed attempt, none for a few seconds. */
  private synchronized StatefulRedisConnection<String, String> connection() {
    if (connection != null) {
      return connection;
    }
    long now = millis.getAsLong();
    if (now < noConnectionUntil) {
      throw new IllegalStateException("Redis was unreachable a moment ago");
    }
    try {
      connection = client.connect();
      return connection;
    } catch (RuntimeException e) {
      noConnectionUntil = now + RECONNECT_AFTER_MS;
      throw e;
    }
  }

  @Override
  public synchronized void close() {
    if (connection != null) {
      connection.close();
    }
    client.shutdown();
  }
}
