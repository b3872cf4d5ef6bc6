package io.gridbot.app.staff;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Staff accounts from configuration, {@code gridbot.staff.*}: used by the embedded default. When
 * none are configured (production), staff accounts come from the database tables {@code staff_user}
 * and {@code staff_authority}.
 *
 * @param users the configured staff accounts
 */
@ConfigurationProperties("gridbot.staff")
public record StaffSettings(List<User> users) {

  public StaffSettings {
    users = users == null ? List.of() : List.copyOf(users);
  }

  /**
   * One staff account.
   *
   * @param username the login name
   * @param password the password hash with its encoder id, e.g. {@code {bcrypt}$2a$10$...}; never a
   *     plain password
   * @param roles {@link StaffRole} names, e.g. {@code AGENT}, {@code ADMIN}; none means the legacy
   *     {@code STAFF} (every operational role); an unknown name is an error
   */
  public record User(String username, String password, List<String> roles) {
    public User {
      if (username == null || username.isBlank()) {
        throw new IllegalArgumentException("gridbot.staff.users[].username is required");
      }
      if (password == null || !password.startsWith("{")) {
        throw new IllegalArgumentException(
            "gridbot.staff.users[].password of "
                + username
                + " must be a hash with its encoder id, e.g. {bcrypt}...");
      }
      roles =
          roles == null || roles.isEmpty()
              ? List.of(StaffRole.STAFF.name())
              : roles.stream().map(r -> role(username, r)).distinct().toList();
    }

    private static String role(String username, String name) {
      try {
        return StaffRole.of(name).name();
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "gridbot.staff.users[].roles of " + username + ": " + e.getMessage(), e);
      }
    }

    @Override
    public String toString() {
      return "User[" + username + ", roles=" + roles + "]";
    }
  }
}
