package io.gridbot.app.staff;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * {@code staff-user add|password|roles|disable|enable|list [--spring.profiles.active=prod ...]}:
 * manages the staff accounts of the database, which the server uses when no account is configured
 * (production), without writing SQL. Passwords come from the environment variable {@value
 * #PASSWORD_VARIABLE} or else the first line of standard input (not echoed on a terminal), never
 * from an argument, and are stored as bcrypt hashes. Starts only a data source, from the same
 * configuration as the server; the schema is the server's (it creates it at its first start).
 */
public final class StaffUserCommand {

  /** The environment variable a password may come from. */
  public static final String PASSWORD_VARIABLE = "GRIDBOT_STAFF_PASSWORD";

  static final String USAGE =
      """
      usage: staff-user add <username> <ROLE,...>    a new account; password from %1$s or stdin
             staff-user password <username>          a new password, read the same way
             staff-user roles <username> <ROLE,...>  replace the account's roles
             staff-user disable|enable <username>    a disabled account cannot log in
             staff-user list
             [--spring.profiles.active=prod ...]     the server's configuration (database)
      roles: %2$s"""
          .formatted(PASSWORD_VARIABLE, StaffRole.knownNames());

  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
  private static final int MIN_PASSWORD = 8;
  private static final int MAX_PASSWORD_BYTES = 72; // what bcrypt hashes

  private StaffUserCommand() {}

  /** Runs the command with the process's environment, terminal and standard streams. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, System.getenv(), System.in, out, err);
  }

  /**
   * Runs the command.
   *
   * @param env where {@value #PASSWORD_VARIABLE} is looked up
   * @param in where the password is read otherwise (its first line)
   * @return 0 when done; 1 when the database refused (no such user, already there, unreachable); 2
   *     for a usage error: unknown subcommand or role, bad username, missing or bad password
   */
  static int run(
      String[] args, Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
    List<String> words = new ArrayList<>();
    List<String> springArgs = new ArrayList<>();
    for (String arg : args) {
      (arg.startsWith("--") ? springArgs : words).add(arg);
    }
    Request request;
    try {
      request = Request.parse(words, () -> password(env, in, err));
    } catch (IllegalArgumentException e) {
      err.println("staff-user: " + e.getMessage());
      err.println(USAGE);
      return 2;
    }
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(CommandContext.class)
            .web(WebApplicationType.NONE)
            .bannerMode(Banner.Mode.OFF)
            .logStartupInfo(false)
            .properties("logging.level.root=warn")
            .run(springArgs.toArray(String[]::new))) {
      String url = context.getEnvironment().getProperty("spring.datasource.url");
      if (url == null || url.isBlank()) {
        err.println(
            "staff-user: no database configured (spring.datasource.url; the prod profile reads"
                + " GRIDBOT_DB_URL, GRIDBOT_DB_USER and GRIDBOT_DB_PASSWORD)");
        return 1;
      }
      if (!context.getBean(StaffSettings.class).users().isEmpty()) {
        err.println(
            "note: this configuration has staff accounts of its own (gridbot.staff.users), which a"
                + " server started with it uses instead of the database's; production runs with"
                + " --spring.profiles.active=prod");
      }
      return request.apply(new StaffAccounts(context.getBean(DataSource.class)), out, err);
    } catch (DataAccessException e) {
      err.println(
          "staff-user: the database refused: "
              + e.getMostSpecificCause().getMessage()
              + " (is the schema there? the server creates it at its first start)");
      return 1;
    } catch (RuntimeException e) {
      // e.g. the driver refusing the URL: say what, without a stack trace
      err.println(
          "staff-user: cannot use the database: " + NestedExceptionUtils.getMostSpecificCause(e));
      return 1;
    }
  }

  /** A checked subcommand, ready to run against the database. */
  private record Request(String action, String username, List<StaffRole> roles, String hash) {

    static Request parse(List<String> words, Supplier<String> passwords) {
      if (words.isEmpty()) {
        throw new IllegalArgumentException("no subcommand");
      }
      String action = words.get(0);
      int expected =
          switch (action) {
            case "list" -> 1;
            case "password", "disable", "enable" -> 2;
            case "add", "roles" -> 3;
            default -> throw new IllegalArgumentException("unknown subcommand '" + action + "'");
          };
      if (words.size() != expected) {
        throw new IllegalArgumentException(
            action + " takes " + (expected - 1) + " argument(s), got " + (words.size() - 1));
      }
      String username = expected > 1 ? username(words.get(1)) : null;
      List<StaffRole> roles = expected > 2 ? StaffRole.list(words.get(2)) : List.of();
      String hash =
          action.equals("add") || action.equals("password")
              ? PasswordEncoderFactories.createDelegatingPasswordEncoder()
                  .encode(checked(passwords.get()))
              : null;
      return new Request(action, username, roles, hash);
    }

    int apply(StaffAccounts accounts, PrintStream out, PrintStream err) {
      switch (action) {
        case "list" -> {
          List<StaffAccounts.Account> all = accounts.list();
          if (all.isEmpty()) {
            out.println("no staff users in the database");
          }
          all.forEach(
              a ->
                  out.println(
                      a.username()
                          + "\t"
                          + (a.enabled() ? "enabled" : "disabled")
                          + "\t"
                          + a.authorities().stream()
                              .map(r -> r.replaceFirst("^ROLE_", ""))
                              .collect(Collectors.joining(","))
                          + "\tcreated "
                          + a.createdAt()));
          return 0;
        }
        case "add" -> {
          if (accounts.exists(username)) {
            err.println(
                "staff-user: '"
                    + username
                    + "' already exists; change it with staff-user password / roles / enable");
            return 1;
          }
          accounts.add(username, hash, roles);
          out.println("added staff user " + username + " with roles " + names(roles));
          return 0;
        }
        default -> {
          boolean found =
              switch (action) {
                case "password" -> accounts.setPassword(username, hash);
                case "roles" -> accounts.setRoles(username, roles);
                case "disable" -> accounts.setEnabled(username, false);
                default -> accounts.setEnabled(username, true);
              };
          if (!found) {
            err.println("staff-user: no staff user '" + username + "' in the database");
            return 1;
          }
          out.println(
              switch (action) {
                case "password" -> "changed the password of " + username;
                case "roles" -> username + " now has roles " + names(roles);
                case "disable" -> "disabled " + username + ": it can no longer log in";
                default -> "enabled " + username;
              });
          return 0;
        }
      }
    }

    private static String names(List<StaffRole> roles) {
      return roles.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    private static String username(String name) {
      if (!USERNAME.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "bad username '"
                + name
                + "': 1 to 64 letters, digits, '.', '_', '@' or '-', starting with a letter or"
                + " digit");
      }
      return name;
    }

    private static String checked(String password) {
      if (password == null || password.isEmpty()) {
        throw new IllegalArgumentException(
            "no password: set " + PASSWORD_VARIABLE + " or give it on standard input");
      }
      if (password.length() < MIN_PASSWORD) {
        throw new IllegalArgumentException(
            "the password is too short: at least " + MIN_PASSWORD + " characters");
      }
      if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
        throw new IllegalArgumentException(
            "the password is too long: at most " + MAX_PASSWORD_BYTES + " bytes (UTF-8)");
      }
      return password;
    }
  }

  /** The variable's value if set, else a line from the terminal (not echoed) or from {@code in}. */
  private static String password(Map<String, String> env, InputStream in, PrintStream err) {
    String fromEnv = env.get(PASSWORD_VARIABLE);
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return fromEnv;
    }
    Console console = System.console();
    if (in == System.in && console != null) {
      char[] typed = console.readPassword("password: ");
      return typed == null ? null : new String(typed);
    }
    try {
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
    } catch (IOException e) {
      err.println("staff-user: could not read the password: " + e.getMessage());
      return null;
    }
  }

  /** Only a data source and the staff settings: no web server, engine, channels or migrations. */
  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(StaffSettings.class)
  @ImportAutoConfiguration(DataSourceAutoConfiguration.class)
  static class CommandContext {}
}
