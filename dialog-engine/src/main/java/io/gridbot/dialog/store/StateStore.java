package io.gridbot.dialog.store;

import java.time.Duration;
import java.util.Optional;

/**
 * Key-value state shared by every server instance: conversation state with a time to live, dedupe
 * keys and counters. Redis in production, in-process for the embedded default.
 *
 * <p>Keys are plain strings chosen by the caller; an implementation may prefix them. Values are
 * strings (usually JSON). Every method throws {@link StateUnavailable} when the backing store
 * cannot be reached; none returns {@code null}.
 */
public interface StateStore {

  /** The value under {@code key}, or empty when there is none or it has expired. */
  Optional<String> get(String key);

  /** Stores {@code value} under {@code key}, replacing any value, expiring after {@code ttl}. */
  void put(String key, String value, Duration ttl);

  /**
   * Stores {@code value} only when {@code key} holds nothing (set-if-absent), expiring after {@code
   * ttl}.
   *
   * @return true when this call stored the value, false when the key already held one
   */
  boolean putIfAbsent(String key, String value, Duration ttl);

  /** Removes {@code key}; removing a missing key is not an error. */
  void delete(String key);

  /**
   * Adds one to the counter under {@code key}, creating it at 1 with the given time to live when it
   * does not exist (the time to live is not extended by later increments).
   *
   * @return the counter's value after the increment
   */
  long increment(String key, Duration ttl);

  /** The remaining time to live of {@code key}, or empty when the key does not exist. */
  Optional<Duration> ttl(String key);

  /** Checks that the store answers; throws {@link StateUnavailable} when it does not. */
  void ping();
}
