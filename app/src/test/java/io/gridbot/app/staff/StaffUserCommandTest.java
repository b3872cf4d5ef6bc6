package io.gridbot.app.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The staff-user command refuses bad input before it touches a database: these runs point at a
 * database that does not exist, so a run that got that far would fail with exit code 1, not 2.
 */
class StaffUserCommandTest {

  private static final String NO_DATABASE =
      "--spring.datasource.url=jdbc:h2:mem:none;IFEXISTS=TRUE";

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Map<String, String> env, String stdin, String... args) {
    return StaffUserCommand.run(
        args,
        env,
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void anUnknownRoleIsAUsageErrorNamingTheKnownRoles() {
    int code = run(Map.of(), "long-enough-pass\n", "add", "wang", "AGENT,BOSS", NO_DATABASE);

    assertThat(code).isEqualTo(2);
    assertThat(err())
        .contains("staff-user: unknown staff role 'BOSS'; known roles: AGENT, DISPATCHER")
        .contains("usage: staff-user add <username> <ROLE,...>");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void aPasswordIsNeededAndMustBeLongEnough() {
    assertThat(run(Map.of(), "", "add", "wang", "AGENT", NO_DATABASE)).isEqualTo(2);
    assertThat(err())
        .contains("no password: set GRIDBOT_STAFF_PASSWORD or give it on standard input");

    assertThat(run(Map.of(), "short\n", "password", "wang", NO_DATABASE)).isEqualTo(2);
    assertThat(err()).contains("the password is too short: at least 8 characters");

    assertThat(run(Map.of(), "密".repeat(25) + "\n", "add", "wang", "AGENT", NO_DATABASE))
        .isEqualTo(2);
    assertThat(err()).contains("the password is too long: at most 72 bytes");
  }

  @Test
  void badUsernamesSubcommandsAndArgumentCountsAreUsageErrors() {
    Map<String, String> env = Map.of(StaffUserCommand.PASSWORD_VARIABLE, "long-enough-pass");
    assertThat(run(env, "", "add", "wang li", "AGENT", NO_DATABASE)).isEqualTo(2);
    assertThat(err()).contains("bad username 'wang li'");
    assertThat(run(env, "", "remove", "wang", NO_DATABASE)).isEqualTo(2);
    assertThat(err()).contains("unknown subcommand 'remove'");
    assertThat(run(env, "", "add", "wang", NO_DATABASE)).isEqualTo(2);
    assertThat(err()).contains("add takes 2 argument(s), got 1");
    // a password given as an argument is one argument too many
    assertThat(run(env, "", "add", "wang", "AGENT", "s3cret-pass", NO_DATABASE)).isEqualTo(2);
    assertThat(run(env, "", NO_DATABASE)).isEqualTo(2);
    assertThat(err()).contains("no subcommand");
  }

  @Test
  void anUnreachableDatabaseIsReportedWithExitCodeOne() {
    Map<String, String> env = Map.of(StaffUserCommand.PASSWORD_VARIABLE, "long-enough-pass");

    int code = run(env, "", "add", "wang", "AGENT", NO_DATABASE, "--gridbot.staff.users=");

    assertThat(code).isEqualTo(1);
    assertThat(err()).contains("staff-user: the database refused:");
  }

  @Test
  void noConfiguredDatabaseIsSaidPlainly() {
    Map<String, String> env = Map.of(StaffUserCommand.PASSWORD_VARIABLE, "long-enough-pass");

    assertThat(run(env, "", "list", "--spring.datasource.url=")).isEqualTo(1);
    assertThat(err()).contains("staff-user: no database configured (spring.datasource.url;");

    assertThat(run(env, "", "list", "--spring.datasource.url=jdbc:nothing:here")).isEqualTo(1);
    assertThat(err()).contains("staff-user: cannot use the database:");
  }
}
