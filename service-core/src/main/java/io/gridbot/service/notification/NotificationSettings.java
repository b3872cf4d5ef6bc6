package io.gridbot.service.notification;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Notification dispatch and the scheduled scans, {@code gridbot.notifications.*}.
 *
 * @param queue {@code memory} (one process, the embedded default) or {@code redis} (Redis Streams,
 *     shared by all instances)
 * @param redisUrl the Redis of the {@code redis} queue, e.g. {@code
 *     redis://:${REDIS_PASSWORD}@host}; blank means {@code gridbot.state.redis.url}, the
 *     application's Redis
 * @param stream the Redis stream; {@code <stream>:later} and {@code <stream>:dead} go with it
 * @param group the consumer group every instance reads with
 * @param consumer this instance's consumer name prefix; blank means host name and process id
 * @param consume whether this instance runs dispatch workers (false: publish only)
 * @param workers dispatch threads of this instance
 * @param batchSize entries a worker reads at once
 * @param claimIdle how long an entry stays unacknowledged before another consumer takes it over
 * @param lease how long one send may take before another consumer may send again; longer than any
 *     sender's timeout
 * @param maxAttempts sends tried before a delivery is DEAD
 * @param retryBase the wait after the first RETRY, doubling after each further one
 * @param retryMax the longest wait between retries
 * @param ratePerSecond messages a second per channel, e.g. {@code wechat: 100}: shared by all
 *     instances with the {@code redis} queue (counted in Redis), per instance with {@code memory}
 * @param defaultRatePerSecond for channels not listed in {@code ratePerSecond}
 * @param pageSize recipients resolved and enqueued at a time by a fan-out
 * @param jobs the scheduled scans
 * @param outbox the relay of published notices not yet wholly enqueued
 */
@ConfigurationProperties("gridbot.notifications")
public record NotificationSettings(
    @DefaultValue("memory") QueueKind queue,
    @DefaultValue("") String redisUrl,
    @DefaultValue("gridbot:notifications") String stream,
    @DefaultValue("dispatchers") String group,
    @DefaultValue("") String consumer,
    @DefaultValue("true") boolean consume,
    @DefaultValue("2") int workers,
    @DefaultValue("32") int batchSize,
    @DefaultValue("60s") Duration claimIdle,
    @DefaultValue("2m") Duration lease,
    @DefaultValue("5") int maxAttempts,
    @DefaultValue("30s") Duration retryBase,
    @DefaultValue("30m") Duration retryMax,
    Map<String, Integer> ratePerSecond,
    @DefaultValue("50") int defaultRatePerSecond,
    @DefaultValue("1000") int pageSize,
    @DefaultValue Jobs jobs,
    @DefaultValue Outbox outbox) {

  public NotificationSettings {
    if (workers < 1 || batchSize < 1 || maxAttempts < 1 || pageSize < 1) {
      throw new IllegalArgumentException(
          "gridbot.notifications: workers, batch-size, max-attempts and page-size must be >= 1");
    }
    if (defaultRatePerSecond < 1) {
      throw new IllegalArgumentException("gridbot.notifications.default-rate-per-second < 1");
    }
    ratePerSecond = ratePerSecond == null ? Map.of() : Map.copyOf(ratePerSecond);
    outbox = outbox == null ? Outbox.defaults() : outbox;
    new Backoff(retryBase, retryMax);
  }

  /**
   * The notification outbox: every notice is written into it in the publishing transaction and
   * enqueued after the commit; what an instance could not enqueue (it died, the queue was down) the
   * relay of any instance enqueues later.
   *
   * @param relay whether this instance runs the relay
   * @param every how often the relay looks for notices left behind
   * @param lease how long a notice being enqueued is left to its instance before a relay takes it
   *     over (renewed at every page of a fan-out)
   * @param retryBase the wait after a failed enqueue, doubling after each further one
   * @param retryMax the longest wait between attempts (a notice is never given up)
   * @param keep how long enqueued notices stay in the outbox (for inspection)
   */
  public record Outbox(
      @DefaultValue("true") boolean relay,
      @DefaultValue("15s") Duration every,
      @DefaultValue("1m") Duration lease,
      @DefaultValue("30s") Duration retryBase,
      @DefaultValue("10m") Duration retryMax,
      @DefaultValue("3d") Duration keep) {

    public Outbox {
      for (Duration d : new Duration[] {every, lease, keep}) {
        if (d == null || d.isNegative() || d.isZero()) {
          throw new IllegalArgumentException(
              "gridbot.notifications.outbox: every, lease and keep must be positive");
        }
      }
      new Backoff(retryBase, retryMax);
    }

    /** The defaults. */
    public static Outbox defaults() {
      return new Outbox(
          true,
          Duration.ofSeconds(15),
          Duration.ofMinutes(1),
          Duration.ofSeconds(30),
          Duration.ofMinutes(10),
          Duration.ofDays(3));
    }
  }

  /** The rate limit of a channel. */
  int rateOf(String channel) {
    return ratePerSecond.getOrDefault(channel, defaultRatePerSecond);
  }

  /** Which queue carries the notifications. */
  public enum QueueKind {
    MEMORY,
    REDIS
  }

  /**
   * The scheduled scans (Spring cron expressions, China time). Off unless {@code enabled}; every
   * scan runs once across all instances (a database job lock).
   *
   * @param lowBalance prepaid accounts under their subscribers' thresholds, daily
   * @param arrears postpaid accounts with arrears, weekly
   * @param monthlyBill bills issued within {@code billLookback}
   * @param lockTtl how long a scan may hold its lock at most (a crashed runner's lock expires)
   * @param lockAtLeast how long a scan keeps its lock at least, from its start, so that instances
   *     whose clocks differ by less than that run it once between them
   */
  public record Jobs(
      @DefaultValue("false") boolean enabled,
      @DefaultValue("0 0 9 * * *") String lowBalance,
      @DefaultValue("0 30 9 * * MON") String arrears,
      @DefaultValue("0 0 10 * * *") String monthlyBill,
      @DefaultValue("3d") Duration billLookback,
      @DefaultValue("30m") Duration lockTtl,
      @DefaultValue("30s") Duration lockAtLeast) {

    public Jobs {
      lockAtLeast = lockAtLeast == null ? Duration.ofSeconds(30) : lockAtLeast;
    }
  }
}
