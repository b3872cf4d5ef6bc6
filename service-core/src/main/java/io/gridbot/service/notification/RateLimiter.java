package io.gridbot.service.notification;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;

/** Paces the sends of each channel. */
interface RateLimiter {

  /** Waits until the channel may send one more message, and counts it. */
  void take(String channel) throws InterruptedException;

  /** A token bucket per channel in this instance (N instances send up to N times the rate). */
  static RateLimiter local(ToIntFunction<String> perSecond) {
    Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    return channel ->
        buckets.computeIfAbsent(channel, c -> new TokenBucket(perSecond.applyAsInt(c))).take();
  }
}
