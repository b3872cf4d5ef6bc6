package io.gridbot.dialog.store;

import io.lettuce.core.RedisURI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the shared state, {@code gridbot.state.*}.
 *
 * @param type where the state lives: {@code memory} (one instance only, the default) or {@code
 *     redis} (shared by every instance)
 * @param keyPrefix prepended to every Redis key, {@code gridbot:} by default; may be empty
 * @param redis how to reach Redis; only used when {@code type} is {@code redis}
 */
@ConfigurationProperties("gridbot.state")
public record StateSettings(Type type, String keyPrefix, Redis redis) {

  /** Where the shared state lives. */
  public enum Type {
    /** In this process: for development and single-instance deployments. */
    MEMORY,
    /** In Redis, shared by every server instance. */
    REDIS
  }

  /**
   * Applies the defaults and rejects settings the stores cannot work with.
   *
   * @throws IllegalArgumentException when {@code type} is {@code redis} but no URL is set
   */
  public StateSettings {
    type = type == null ? Type.MEMORY : type;
    keyPrefix = keyPrefix == null ? "gridbot:" : keyPrefix;
    redis = redis == null ? new Redis(null, null, null) : redis;
    if (type == Type.REDIS && redis.url() == null) {
      throw new IllegalArgumentException(
          "gridbot.state.redis.url (environment GRIDBOT_REDIS_URL) must be set when"
              + " gridbot.state.type is redis, e.g. redis://:password@redis-host:6379/0");
    }
  }

  /** The defaults: in-memory state. */
  public static StateSettings defaults() {
    return new StateSettings(null, null, null);
  }

  /**
   * How to reach Redis, {@code gridbot.state.redis.*}.
   *
   * @param url e.g. {@code redis://:password@127.0.0.1:6379/0} or {@code rediss://…} for TLS; the
   *     password is never logged nor shown by {@link #toString()}; null or blank when unset
   * @param connectTimeout how long opening the connection may take, 2 s by default
   * @param commandTimeout how long one command may take before the store reports {@link
   *     StateUnavailable}, 2 s by default
   */
  public record Redis(String url, Duration connectTimeout, Duration commandTimeout) {

    /**
     * Applies the defaults and checks the URL can be parsed.
     *
     * @throws IllegalArgumentException for a malformed URL (the message omits the URL, which may
     *     carry a password) or a timeout that is not positive
     */
    public Redis {
      url = url == null || url.isBlank() ? null : url.strip();
      connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
      commandTimeout = commandTimeout == null ? Duration.ofSeconds(2) : commandTimeout;
      requirePositive("connect-timeout", connectTimeout);
      requirePositive("command-timeout", commandTimeout);
      if (url != null) {
        parse(url);
      }
    }

    /** The URL without its password, safe to log. */
    public String maskedUrl() {
      return url == null ? null : url.replaceFirst("//[^/]*@", "//******@");
    }

    @Override
    public String toString() {
      return "Redis[url="
          + maskedUrl()
          + ", connectTimeout="
          + connectTimeout
          + ", commandTimeout="
          + commandTimeout
          + "]";
    }

    /** The URL with the command timeout applied, for the client. */
    RedisURI toRedisUri() {
      RedisURI uri = parse(url);
      uri.setTimeout(commandTimeout);
      return uri;
    }

    private static RedisURI parse(String url) {
      try {
        return RedisURI.create(url);
      } catch (RuntimeException e) {
        // the parser's message may quote the URL and so its password: leave it and the cause out
        throw new IllegalArgumentException(
            "gridbot.state.redis.url is not a valid Redis URL (expected"
                + " redis://[:password@]host[:port][/database] or rediss://…)");
      }
    }

    private static void requirePositive(String name, Duration d) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("gridbot.state.redis." + name + " must be positive");
      }
    }
  }
}
