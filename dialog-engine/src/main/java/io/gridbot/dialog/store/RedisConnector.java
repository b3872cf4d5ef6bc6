package io.gridbot.dialog.store;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Lettuce connection the Redis stores share (it is thread-safe), and the place where
 * Lettuce's exceptions become {@link StateUnavailable}.
 *
 * <p>The connection is opened on first use, so the application starts while Redis is down and
 * recovers when it comes back; once open, Lettuce reconnects by itself. After a failed attempt,
 * callers fail fast for one connect timeout instead of queueing behind new attempts.
 */
final class RedisConnector implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RedisConnector.class);

  private final RedisClient client;
  private final String address;
  private final long retryAfterFailureNanos;
  private final ReentrantLock connecting = new ReentrantLock();
  private volatile StatefulRedisConnection<String, String> connection;
  private RedisException lastFailure; // guarded by connecting
  private long lastFailureAt; // System.nanoTime(), guarded by connecting

  RedisConnector(StateSettings.Redis settings) {
    RedisURI uri = settings.toRedisUri();
    this.address = address(uri);
    this.retryAfterFailureNanos = settings.connectTimeout().toNanos();
    this.client = RedisClient.create(uri);
    client.setOptions(
        ClientOptions.builder()
            .socketOptions(
                SocketOptions.builder().connectTimeout(settings.connectTimeout()).build())
            // also expires commands queued while disconnected, so none waits past the timeout
            .timeoutOptions(TimeoutOptions.enabled(settings.commandTimeout()))
            .build());
  }

  /**
   * Runs one command.
   *
   * @param operation the Redis command, for the error message
   * @param key the full key, for the error message; null for commands without one
   * @throws StateUnavailable when Redis cannot be reached, does not answer within the command
   *     timeout or answers with an error
   */
  <T> T execute(String operation, String key, Function<RedisCommands<String, String>, T> command) {
    try {
      return command.apply(connection().sync());
    } catch (RedisException e) {
      throw unavailable(operation, key, e);
    }
  }

  /** Where Redis is, without credentials: safe to log. */
  String address() {
    return address;
  }

  @Override
  public void close() {
    StatefulRedisConnection<String, String> open = connection;
    if (open != null) {
      open.close();
    }
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }

  private StatefulRedisConnection<String, String> connection() {
    StatefulRedisConnection<String, String> open = connection;
    return open != null ? open : connect();
  }

  private StatefulRedisConnection<String, String> connect() {
    connecting.lock();
    try {
      if (connection != null) {
        return connection;
      }
      if (lastFailure != null && System.nanoTime() - lastFailureAt < retryAfterFailureNanos) {
        throw new RedisException(
            "not connected, last attempt "
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastFailureAt)
                + " ms ago failed: "
                + lastFailure.getMessage(),
            lastFailure);
      }
      try {
        connection = client.connect();
        lastFailure = null;
        log.info("connected to Redis at {}", address);
        return connection;
      } catch (RedisException e) {
        lastFailure = e;
        lastFailureAt = System.nanoTime();
        log.warn("cannot connect to Redis at {}: {}", address, e.getMessage());
        throw e;
      }
    } finally {
      connecting.unlock();
    }
  }

  private StateUnavailable unavailable(String operation, String key, RedisException e) {
    // the message names the command and key, never the value
    return new StateUnavailable(
        "Redis at "
            + address
            + " unavailable for "
            + operation
            + (key == null ? "" : " " + key)
            + ": "
            + e.getMessage(),
        e);
  }

  static String address(RedisURI uri) {
    if (uri.getSocket() != null) {
      return "redis-socket://" + uri.getSocket() + "/" + uri.getDatabase();
    }
    return (uri.isSsl() ? "rediss://" : "redis://")
        + uri.getHost()
        + ":"
        + uri.getPort()
        + "/"
        + uri.getDatabase();
  }
}
