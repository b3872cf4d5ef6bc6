package io.gridbot.app.staff;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The staff accounts of the database ({@code staff_user}, {@code staff_authority}), which the
 * server reads when no account is configured; passwords are stored as given, already hashed.
 */
final class StaffAccounts {

  /**
   * One account.
   *
   * @param authorities its authorities, e.g. {@code ROLE_AGENT}, sorted
   */
  record Account(
      String username, boolean enabled, LocalDateTime createdAt, List<String> authorities) {}

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;

  StaffAccounts(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
  }

  boolean exists(String username) {
    Integer count =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM staff_user WHERE username = ?", Integer.class, username);
    return count != null && count > 0;
  }

  /** Adds an enabled account; the caller has checked it does not exist. */
  void add(String username, String passwordHash, List<StaffRole> roles) {
    transaction.executeWithoutResult(
        status -> {
          jdbc.update(
              "INSERT INTO staff_user (username, password, enabled) VALUES (?, ?, TRUE)",
              username,
              passwordHash);
          insertRoles(username, roles);
        });
  }

  /** Whether the account exists (and so took the new hash). */
  boolean setPassword(String username, String passwordHash) {
    return jdbc.update(
            "UPDATE staff_user SET password = ? WHERE username = ?", passwordHash, username)
        > 0;
  }

  /** Replaces the account's roles; whether it exists. */
  boolean setRoles(String username, List<StaffRole> roles) {
    Boolean done =
        transaction.execute(
            status -> {
              if (!exists(username)) {
                return false;
              }
              jdbc.update("DELETE FROM staff_authority WHERE username = ?", username);
              insertRoles(username, roles);
              return true;
            });
    return Boolean.TRUE.equals(done);
  }

  /** Enables or disables the account (a disabled one cannot log in); whether it exists. */
  boolean setEnabled(String username, boolean enabled) {
    return jdbc.update("UPDATE staff_user SET enabled = ? WHERE username = ?", enabled, username)
        > 0;
  }

  /** Every account, by username. */
  List<Account> list() {
    Map<String, List<String>> authorities = new LinkedHashMap<>();
    jdbc.query(
        "SELECT username, authority FROM staff_authority ORDER BY username, authority",
        row -> {
          authorities
              .computeIfAbsent(row.getString("username"), u -> new ArrayList<>())
              .add(row.getString("authority"));
        });
    return jdbc.query(
        "SELECT username, enabled, created_at FROM staff_user ORDER BY username",
        (row, i) ->
            new Account(
                row.getString("username"),
                row.getBoolean("enabled"),
                row.getObject("created_at", LocalDateTime.class),
                List.copyOf(authorities.getOrDefault(row.getString("username"), List.of()))));
  }

  private void insertRoles(String username, List<StaffRole> roles) {
    for (StaffRole role : roles) {
      jdbc.update(
          "INSERT INTO staff_authority (username, authority) VALUES (?, ?)",
          username,
          role.authority());
    }
  }
}
