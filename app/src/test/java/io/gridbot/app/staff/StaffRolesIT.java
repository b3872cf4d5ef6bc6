package io.gridbot.app.staff;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.app.CleanDatabase;
import io.gridbot.app.StaffClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * Staff roles on MariaDB with the accounts of the database (none configured, as in production):
 * each role reaches its endpoints and gets 403 elsewhere, missing or wrong credentials and disabled
 * accounts get 401, and the staff-user command's accounts log in with the roles it gave them.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "gridbot.staff.users=")
@ActiveProfiles("it")
@Import(CleanDatabase.class)
class StaffRolesIT {

  private static final String PASSWORD = "role-pass-1234";
  private static final String TICKET = "/api/staff/tickets/R2099010100001";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired PasswordEncoder encoder;

  /** An account in the database, as an operator would have inserted it (bcrypt hash). */
  private StaffClient account(String username, boolean enabled, String... authorities) {
    jdbc.update(
        "INSERT INTO staff_user (username, password, enabled) VALUES (?, ?, ?)",
        username,
        encoder.encode(PASSWORD),
        enabled);
    for (String authority : authorities) {
      jdbc.update(
          "INSERT INTO staff_authority (username, authority) VALUES (?, ?)", username, authority);
    }
    assertThat(
            jdbc.queryForObject(
                "SELECT password FROM staff_user WHERE username = ?", String.class, username))
        .startsWith("{bcrypt}$2");
    return StaffClient.as(port, username, PASSWORD);
  }

  private static String reconciliation() {
    return "/api/staff/reconciliation?day=" + LocalDate.now(ZoneId.of("Asia/Shanghai"));
  }

  private static List<String> roles(HttpResponse<String> me) {
    assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
    JsonNode roles = StaffClient.json(me).get("roles");
    return roles.valueStream().map(JsonNode::asString).toList();
  }

  private static void allowed(HttpResponse<String> response) {
    assertThat(response.statusCode())
        .as("%s %s", response.request().uri(), response.body())
        .isBetween(200, 499)
        .isNotIn(401, 403);
  }

  private static void forbidden(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.request().uri().toString()).isEqualTo(403);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(StaffClient.json(response).get("status").asInt()).isEqualTo(403);
  }

  @Test
  void eachRoleReachesItsOwnEndpointsAndNoOthers() {
    StaffClient agent = account("it-agent", true, "ROLE_AGENT");
    StaffClient dispatcher = account("it-dispatcher", true, "ROLE_DISPATCHER");
    StaffClient service = account("it-service", true, "ROLE_SERVICE");
    StaffClient finance = account("it-finance", true, "ROLE_FINANCE");
    StaffClient marketing = account("it-marketing", true, "ROLE_MARKETING");
    StaffClient admin = account("it-admin", true, "ROLE_ADMIN");

    // every role sees the dashboard
    for (StaffClient anyone : List.of(agent, dispatcher, service, finance, marketing, admin)) {
      assertThat(anyone.get("/api/staff/dashboard").statusCode()).isEqualTo(200);
    }

    assertThat(agent.get("/api/staff/handoffs").statusCode()).isEqualTo(200);
    assertThat(agent.get(TICKET).statusCode()).isEqualTo(404); // may read, there is none
    forbidden(agent.post(TICKET + "/dispatch", "{\"note\":\"x\"}"));
    forbidden(agent.get(reconciliation()));

    assertThat(dispatcher.get("/api/staff/outages").statusCode()).isEqualTo(200);
    assertThat(dispatcher.post(TICKET + "/dispatch", "{\"note\":\"x\"}").statusCode())
        .isEqualTo(404);
    forbidden(dispatcher.get("/api/staff/handoffs"));
    forbidden(dispatcher.post("/api/staff/payments/WX0000000001/refunds", "{}"));

    assertThat(service.get("/api/staff/bookings").statusCode()).isEqualTo(200);
    assertThat(service.get("/api/staff/applications").statusCode()).isEqualTo(200);
    forbidden(service.post("/api/staff/outages", "{}"));

    assertThat(finance.get(reconciliation()).statusCode()).isEqualTo(200);
    forbidden(finance.post("/api/staff/campaigns", "{}"));
    forbidden(finance.get("/api/staff/bookings"));

    assertThat(marketing.get("/api/staff/points/catalogue").statusCode()).isEqualTo(200);
    allowed(marketing.get("/api/staff/accounts/3300000001/tags"));
    forbidden(marketing.get("/api/staff/payments/WX0000000001"));
    forbidden(marketing.post("/api/staff/wechat/menu", ""));

    // ADMIN reaches everything: the WeChat menu (no account configured here: 409) and the rest
    assertThat(admin.post("/api/staff/wechat/menu", "").statusCode()).isEqualTo(409);
    assertThat(admin.get("/api/staff/handoffs").statusCode()).isEqualTo(200);
    assertThat(admin.get(reconciliation()).statusCode()).isEqualTo(200);
  }

  @Test
  void meTellsTheRolesHeldThroughAdminAndTheLegacyStaffRole() {
    assertThat(roles(account("me-agent", true, "ROLE_AGENT").get("/api/staff/me")))
        .containsExactly("AGENT");
    assertThat(
            roles(account("me-two", true, "ROLE_FINANCE", "ROLE_DISPATCHER").get("/api/staff/me")))
        .containsExactly("DISPATCHER", "FINANCE");
    assertThat(roles(account("me-staff", true, "ROLE_STAFF").get("/api/staff/me")))
        .containsExactly("AGENT", "DISPATCHER", "SERVICE", "FINANCE", "MARKETING", "STAFF");
    assertThat(roles(account("me-admin", true, "ROLE_ADMIN").get("/api/staff/me")))
        .containsExactly(
            "AGENT", "DISPATCHER", "SERVICE", "FINANCE", "MARKETING", "ADMIN", "STAFF");
    // an authority that names no staff role grants nothing, not even /me
    forbidden(account("me-nobody", true, "ROLE_SUPERVISOR").get("/api/staff/me"));
  }

  @Test
  void theLegacyStaffRoleDoesEveryOperationalThingButTheAdminOnes() {
    StaffClient staff = account("it-legacy", true, "ROLE_STAFF");

    assertThat(staff.get("/api/staff/handoffs").statusCode()).isEqualTo(200);
    assertThat(staff.get(reconciliation()).statusCode()).isEqualTo(200);
    assertThat(staff.get("/api/staff/points/catalogue").statusCode()).isEqualTo(200);
    forbidden(staff.post("/api/staff/wechat/menu", ""));
  }

  @Test
  void missingWrongOrDisabledCredentialsAre401() {
    account("it-enabled", true, "ROLE_AGENT");
    StaffClient disabled = account("it-disabled", false, "ROLE_AGENT");

    HttpResponse<String> anonymous = StaffClient.anonymous(port).get("/api/staff/handoffs");
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(StaffClient.as(port, "it-enabled", "wrong-pass").get("/api/staff/me").statusCode())
        .isEqualTo(401);
    assertThat(disabled.get("/api/staff/me").statusCode()).isEqualTo(401);
    // the configured demo accounts are not used when the database's are
    assertThat(StaffClient.demoStaff(port).get("/api/staff/me").statusCode()).isEqualTo(401);
  }

  // ---- the staff-user command, against the same database ---------------------------------

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int command(String stdin, Map<String, String> env, String... args) {
    out.reset();
    err.reset();
    String[] withProfile = java.util.Arrays.copyOf(args, args.length + 1);
    withProfile[args.length] = "--spring.profiles.active=it";
    return StaffUserCommand.run(
        withProfile,
        env,
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theStaffUserCommandManagesAccountsThatThenLogIn() {
    Map<String, String> password = Map.of(StaffUserCommand.PASSWORD_VARIABLE, "cmd-pass-1234");
    StaffClient added = StaffClient.as(port, "cmd-wang", "cmd-pass-1234");

    // add: the account logs in with its role, and only that
    assertThat(command("", password, "add", "cmd-wang", "agent,DISPATCHER")).as(err()).isZero();
    assertThat(out()).contains("added staff user cmd-wang with roles AGENT,DISPATCHER");
    // the it profile configures demo accounts, which a server would use instead: said so
    assertThat(err()).contains("note: this configuration has staff accounts of its own");
    assertThat(
            jdbc.queryForObject(
                "SELECT password FROM staff_user WHERE username = 'cmd-wang'", String.class))
        .startsWith("{bcrypt}$2")
        .doesNotContain("cmd-pass-1234");
    assertThat(roles(added.get("/api/staff/me"))).containsExactly("AGENT", "DISPATCHER");
    assertThat(added.get("/api/staff/handoffs").statusCode()).isEqualTo(200);
    forbidden(added.get(reconciliation()));

    // adding it again, or with an unknown role, changes nothing
    assertThat(command("", password, "add", "cmd-wang", "FINANCE")).isEqualTo(1);
    assertThat(err()).contains("'cmd-wang' already exists");
    assertThat(command("", password, "add", "cmd-li", "AGENT,CASHIER")).isEqualTo(2);
    assertThat(err()).contains("unknown staff role 'CASHIER'");
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM staff_user WHERE username = 'cmd-li'", Integer.class))
        .isZero();
    forbidden(added.get(reconciliation()));

    // roles: replaced
    assertThat(command("", Map.of(), "roles", "cmd-wang", "FINANCE")).as(err()).isZero();
    assertThat(added.get(reconciliation()).statusCode()).isEqualTo(200);
    forbidden(added.get("/api/staff/handoffs"));

    // password, here from standard input: the old one no longer works
    assertThat(command("cmd-pass-5678\n", Map.of(), "password", "cmd-wang")).as(err()).isZero();
    assertThat(added.get("/api/staff/me").statusCode()).isEqualTo(401);
    StaffClient renewed = StaffClient.as(port, "cmd-wang", "cmd-pass-5678");
    assertThat(renewed.get("/api/staff/me").statusCode()).isEqualTo(200);

    // list
    assertThat(command("", Map.of(), "list")).isZero();
    assertThat(out()).contains("cmd-wang\tenabled\tFINANCE\tcreated ");

    // disable: refused; enable: back
    assertThat(command("", Map.of(), "disable", "cmd-wang")).isZero();
    assertThat(renewed.get("/api/staff/me").statusCode()).isEqualTo(401);
    assertThat(command("", Map.of(), "list")).isZero();
    assertThat(out()).contains("cmd-wang\tdisabled\tFINANCE");
    assertThat(command("", Map.of(), "enable", "cmd-wang")).isZero();
    assertThat(renewed.get("/api/staff/me").statusCode()).isEqualTo(200);

    // an account that is not there
    assertThat(command("", Map.of(), "disable", "cmd-nobody")).isEqualTo(1);
    assertThat(err()).contains("no staff user 'cmd-nobody' in the database");
  }
}
