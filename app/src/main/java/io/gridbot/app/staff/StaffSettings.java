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
   * @param roles roles without the {@code ROLE_} prefix, e.g. {@code STAFF}, {@code ADMIN}
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
      roles = roles == null || roles.isEmpty() ? List.of("STAFF") : List.copyOf(roles);
    }

    @Override
    public String toString() {
      return "User[" + username + ", roles=" + roles + "]";
    }
  }
}
