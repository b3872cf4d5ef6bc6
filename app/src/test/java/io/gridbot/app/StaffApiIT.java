package io.gridbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.application.Application;
import io.gridbot.service.application.ApplicationRequest;
import io.gridbot.service.application.ApplicationService;
import io.gridbot.service.application.ApplicationType;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The staff API's authentication and its OpenAPI description, on the embedded default. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties =
        "spring.datasource.url=jdbc:h2:mem:staffapi;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class StaffApiIT {

  @LocalServerPort int port;
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(String path, String user, String password) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (user != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void staffEndpointsNeedCredentials() throws Exception {
    HttpResponse<String> anonymous = get("/api/staff/me", null, null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");

    assertThat(get("/api/staff/me", "staff", "wrong").statusCode()).isEqualTo(401);

    HttpResponse<String> me = get("/api/staff/me", "staff", "gridbot-demo");
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.body())
        .contains("\"username\":\"staff\"")
        .contains(
            "\"roles\":[\"AGENT\",\"DISPATCHER\",\"SERVICE\",\"FINANCE\",\"MARKETING\",\"STAFF\"]");
  }

  @Test
  void theEmbeddedDefaultHasADemoAccountPerRoleWithTheDemoPassword() throws Exception {
    Map<String, String> demo =
        Map.of(
            "agent", "[\"AGENT\"]",
            "dispatcher", "[\"DISPATCHER\"]",
            "service", "[\"SERVICE\"]",
            "finance", "[\"FINANCE\"]",
            "marketing", "[\"MARKETING\"]",
            "admin",
                "[\"AGENT\",\"DISPATCHER\",\"SERVICE\",\"FINANCE\",\"MARKETING\",\"ADMIN\",\"STAFF\"]");
    for (Map.Entry<String, String> user : demo.entrySet()) {
      HttpResponse<String> me = get("/api/staff/me", user.getKey(), "gridbot-demo");
      assertThat(me.statusCode()).as(user.getKey()).isEqualTo(200);
      assertThat(me.body()).contains("\"roles\":" + user.getValue());
    }
    // the agent reads the queue but not the reconciliation; the demo staff user may not publish
    // the WeChat menu (ADMIN only)
    assertThat(get("/api/staff/handoffs", "agent", "gridbot-demo").statusCode()).isEqualTo(200);
    HttpResponse<String> forbidden =
        get("/api/staff/reconciliation?day=2026-01-01", "agent", "gridbot-demo");
    assertThat(forbidden.statusCode()).isEqualTo(403);
    assertThat(forbidden.body()).contains("\"status\":403");
    assertThat(
            get("/api/staff/reconciliation?day=2026-01-01", "finance", "gridbot-demo").statusCode())
        .isEqualTo(200);
  }

  @Test
  void customerEndpointsStayOpenAndOpenApiIsServed() throws Exception {
    assertThat(get("/actuator/health", null, null).statusCode()).isEqualTo(200);
    HttpResponse<String> docs = get("/v3/api-docs", null, null);
    assertThat(docs.statusCode()).isEqualTo(200);
    assertThat(docs.body()).contains("/api/staff/me").contains("/api/robot/messages");
  }

  @Autowired ApplicationService applications;

  @Test
  void staffMoveAnApplicationOnWithANoteOnTheEmbeddedDefault() {
    Application submitted =
        applications.submit(
            new ApplicationRequest(
                ApplicationType.EV_CHARGER,
                new ChannelUser("web", "staff-api-" + System.nanoTime()),
                "张伟",
                "123x",
                "13800005678",
                "幸福小区地下车库B2-018",
                null,
                new BigDecimal("7"),
                List.of()));
    String base = "/api/staff/applications/" + submitted.no().value();
    StaffClient staff = StaffClient.demoStaff(port);

    assertThat(staff.post(base + "/accept", "{\"note\":\"资料齐全\"}").statusCode()).isEqualTo(200);
    assertThat(staff.post(base + "/survey", "").statusCode()).isEqualTo(200);
    HttpResponse<String> tooLong =
        staff.post(base + "/approve", "{\"note\":\"" + "长".repeat(501) + "\"}");
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(StaffClient.json(tooLong).get("field").asString()).isEqualTo("note");

    HttpResponse<String> events = staff.get(base + "/events");
    assertThat(events.body())
        .contains("\"state\":\"ACCEPTED\"")
        .contains("资料齐全")
        .contains("SURVEY")
        .doesNotContain("APPROVED");
  }
}
