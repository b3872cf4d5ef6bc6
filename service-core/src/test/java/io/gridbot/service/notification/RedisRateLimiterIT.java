package io.gridbot.service.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The shared rate limit on the real Redis: two instances sending on one channel together stay
 * within the channel's rate in every second; without Redis each falls back to its own bucket.
 */
class RedisRateLimiterIT {

  private static final int RATE = 5;

  @Test
  void two_instances_together_never_exceed_the_channels_rate_in_any_second() throws Exception {
    // given two instances' limiters on one prefix, four senders each
    String prefix = "gridbot-it:rate:" + UUID.randomUUID();
    RedisRateLimiter first = limiter(RedisStreamQueueIT.REDIS_URL, prefix);
    RedisRateLimiter second = limiter(RedisStreamQueueIT.REDIS_URL, prefix);
    ConcurrentLinkedQueue<Long> permits = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> senders = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        RedisRateLimiter limiter = i % 2 == 0 ? first : second;
        senders.add(
            pool.submit(
                () -> {
                  go.await();
                  for (int n = 0; n < 3; n++) {
                    limiter.take("sms");
                    permits.add(System.currentTimeMillis() / 1000);
                  }
                  return null;
                }));
      }

      // when
      go.countDown();
      for (Future<?> sender : senders) {
        sender.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
      first.close();
      second.close();
    }

    // then all 24 went, at most RATE in any second of the clock
    Map<Long, Integer> perSecond = new TreeMap<>();
    permits.forEach(s -> perSecond.merge(s, 1, Integer::sum));
    assertThat(permits).hasSize(24);
    assertThat(perSecond.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(RATE));
    assertThat(perSecond.size()).isGreaterThanOrEqualTo(24 / RATE);
  }

  @Test
  void without_redis_the_instance_falls_back_to_its_own_bucket_and_still_sends() throws Exception {
    // given Redis unreachable (nothing listens on port 1)
    RedisRateLimiter limiter =
        limiter("redis://127.0.0.1:1", "gridbot-it:rate:" + UUID.randomUUID());
    List<Long> permits = new ArrayList<>();

    // when twice the rate is asked for
    try {
      for (int i = 0; i < 2 * RATE; i++) {
        limiter.take("sms");
        permits.add(System.nanoTime());
      }
    } finally {
      limiter.close();
    }

    // then all went, paced by the instance's own bucket: the second half waited for tokens
    assertThat(permits).hasSize(2 * RATE);
    assertThat(permits.get(2 * RATE - 1) - permits.get(0))
        .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(500));
  }

  private static RedisRateLimiter limiter(String url, String prefix) {
    return new RedisRateLimiter(
        NotificationConfiguration.rejectingClient(url),
        prefix,
        channel -> RATE,
        System::currentTimeMillis);
  }
}
