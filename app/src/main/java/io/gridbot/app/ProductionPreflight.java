package io.gridbot.app;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * In the {@code prod} profile, refuses to start unless MySQL and Redis are configured and answer,
 * naming exactly what is wrong, rather than letting the server fall back to anything embedded.
 */
class ProductionPreflight implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

  private static final Logger log = LoggerFactory.getLogger(ProductionPreflight.class);
  static final Duration TIMEOUT = Duration.ofSeconds(5);

  /** A required setting: the property and the environment variable that sets it. */
  record Setting(String property, String variable) {}

  static final Setting DB_URL = new Setting("spring.datasource.url", "GRIDBOT_DB_URL");
  static final Setting DB_USER = new Setting("spring.datasource.username", "GRIDBOT_DB_USER");
  static final Setting REDIS_URL = new Setting("gridbot.state.redis.url", "GRIDBOT_REDIS_URL");

  @Override
  public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
    ConfigurableEnvironment env = event.getEnvironment();
    if (env.acceptsProfiles(Profiles.of("prod"))) {
      check(env);
    }
  }

  /**
   * Checks the production settings and services.
   *
   * @throws IllegalStateException listing every problem found
   */
  void check(ConfigurableEnvironment env) {
    List<String> problems = new ArrayList<>();
    String dbUrl = required(env, DB_URL, problems);
    String dbUser = required(env, DB_USER, problems);
    String redisUrl = required(env, REDIS_URL, problems);
    if (dbUrl != null && !(dbUrl.startsWith("jdbc:mysql:") || dbUrl.startsWith("jdbc:mariadb:"))) {
      problems.add(DB_URL.variable() + " must be a MySQL JDBC URL (jdbc:mysql://host:3306/db)");
      dbUrl = null;
    }
    if (dbUrl != null && dbUser != null) {
      checkDatabase(dbUrl, dbUser, env.getProperty("spring.datasource.password", ""), problems);
    }
    if (redisUrl != null) {
      checkRedis(redisUrl, problems);
    }
    if (!problems.isEmpty()) {
      String message =
          "gridbot cannot start in the prod profile:\n  - " + String.join("\n  - ", problems);
      log.error(message);
      throw new IllegalStateException(message);
    }
  }

  private static String required(
      ConfigurableEnvironment env, Setting setting, List<String> problems) {
    String value = env.getProperty(setting.property());
    if (value == null || value.isBlank()) {
      problems.add(setting.variable() + " is not set (property " + setting.property() + ")");
      return null;
    }
    return value;
  }

  private static void checkDatabase(
      String url, String user, String password, List<String> problems) {
    DriverManager.setLoginTimeout((int) TIMEOUT.toSeconds());
    try (Connection c = DriverManager.getConnection(url, user, password)) {
      if (!c.isValid((int) TIMEOUT.toSeconds())) {
        problems.add("the database at " + withoutQuery(url) + " did not answer");
      }
    } catch (SQLException e) {
      problems.add(
          "cannot reach the database at "
              + withoutQuery(url)
              + " as "
              + user
              + ": "
              + rootMessage(e));
    }
  }

  private static void checkRedis(String url, List<String> problems) {
    RedisURI uri;
    try {
      uri = RedisURI.create(url);
    } catch (IllegalArgumentException e) {
      problems.add(
          REDIS_URL.variable() + " is not a Redis URL (redis://host:6379/0): " + e.getMessage());
      return;
    }
    uri.setTimeout(TIMEOUT);
    RedisClient client = RedisClient.create(uri);
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      connection.sync().ping();
    } catch (RuntimeException e) {
      problems.add(
          "cannot reach Redis at " + uri.getHost() + ":" + uri.getPort() + ": " + rootMessage(e));
    } finally {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
    }
  }

  /** The URL without its query, which may hold credentials. */
  private static String withoutQuery(String url) {
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
