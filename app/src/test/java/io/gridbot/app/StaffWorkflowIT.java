package io.gridbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.repair.ContactPhone;
import io.gridbot.service.repair.FaultReport;
import io.gridbot.service.repair.FaultReportResult;
import io.gridbot.service.repair.RepairService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * Staff drive a repair ticket and an outage through the staff API against MariaDB and Redis; every
 * step reaches the customer's notification path; errors are problems with the right status.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@Import(CleanDatabase.class)
class StaffWorkflowIT {

  @LocalServerPort int port;
  @Autowired RepairService repairs;
  @Autowired JdbcTemplate jdbc;
  @Autowired io.gridbot.service.account.BindingService bindings;
  @Autowired io.gridbot.service.subscription.SubscriptionService subscriptions;

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> call(String method, String path, String json) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString("staff:gridbot-demo".getBytes(StandardCharsets.UTF_8)))
            .header("Content-Type", "application/json")
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void ticketMovesThroughTheStaffApiAndTheReporterIsNotified() throws Exception {
    // given a fault reported by a web chat user for the demo account
    ChannelUser reporter = new ChannelUser("web", "it-" + UUID.randomUUID());
    FaultReportResult result =
        repairs.reportFault(
            new FaultReport(
                reporter,
                new AccountNo("3300000001"),
                null,
                null,
                null,
                "家里突然停电了",
                List.of(),
                new ContactPhone("13800000001")));
    String no = ((FaultReportResult.TicketOpened) result).ticket().ticketNo().toString();

    // when staff dispatch it
    HttpResponse<String> dispatched =
        call(
            "POST",
            "/api/staff/tickets/" + no + "/dispatch",
            "{\"note\":\"抢修一班\",\"expectedRestoration\":\""
                + java.time.Instant.now()
                    .plus(Duration.ofHours(2))
                    .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                + "\"}");

    // then it is dispatched, and the reporter's notice went down the delivery path
    assertThat(dispatched.statusCode()).as(dispatched.body()).isEqualTo(200);
    JsonNode ticket = RobotChat.JSON.readTree(dispatched.body());
    assertThat(ticket.get("state").asString()).isEqualTo("DISPATCHED");
    assertThat(ticket.get("ticketNo").asString()).isEqualTo(no);
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        jdbc.queryForList(
                            "select notice_key from notification_delivery where channel_user_id = ?",
                            String.class,
                            reporter.userId()))
                    .contains("ticket:" + no + ":DISPATCHED"));

    // and the reporter, asking the robot, hears where the repair stands
    assertThat(new RobotChat(port, reporter.userId()).say("我报修的进度怎么样了"))
        .singleElement()
        .asString()
        .contains("报修单" + no)
        .contains("已派单");

    // an illegal step is a 409, a missing ticket a 404, a malformed number a 400
    HttpResponse<String> illegal = call("POST", "/api/staff/tickets/" + no + "/resolve", "{}");
    assertThat(illegal.statusCode()).as(illegal.body()).isEqualTo(409);
    assertThat(illegal.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(call("GET", "/api/staff/tickets/R202601019999", null).statusCode()).isEqualTo(404);
    HttpResponse<String> malformed = call("GET", "/api/staff/tickets/not-a-ticket", null);
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(RobotChat.JSON.readTree(malformed.body()).get("field").asString()).isEqualTo("no");
    HttpResponse<String> notJson = call("POST", "/api/staff/tickets/" + no + "/dispatch", "{oops");
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(RobotChat.JSON.readTree(notJson.body()).get("field").asString()).isEqualTo("body");
  }

  @Test
  void customersAskingAboutTheirSupplyHearOfTheOutageStaffOpened() throws Exception {
    // given staff open an unplanned outage for the demo accounts' area
    HttpResponse<String> opened =
        call(
            "POST",
            "/api/staff/outages",
            "{\"areas\":[\"CN-330106-017\"],\"endsAt\":\"2099-01-01T10:00:00Z\",\"reason\":\"变压器故障抢修\"}");
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    long id = RobotChat.JSON.readTree(opened.body()).get("id").asLong();
    try {
      // when a customer of that area asks the robot
      RobotChat customer = new RobotChat(port, "it-" + UUID.randomUUID());
      customer.say("绑定户号3300000001");
      customer.say("0001");

      // then they hear the truth about their supply
      assertThat(customer.say("我们小区停电了吗什么时候来电"))
          .singleElement()
          .asString()
          .contains("正在停电（变压器故障抢修）");
    } finally {
      assertThat(call("POST", "/api/staff/outages/" + id + "/restore", null).statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  void plannedOutageIsPublishedAndRestored() throws Exception {
    // a customer of the demo area who subscribed to outage notices, on the web chat
    ChannelUser subscriber = new ChannelUser("web", "it-" + UUID.randomUUID());
    bindings.bind(subscriber, new AccountNo("3300000001"), "0001");
    subscriptions.subscribe(subscriber, "outage", new AccountNo("3300000001"));
    // quiet hours far from now, whenever the test runs: the planned notice is not urgent
    java.time.LocalTime china =
        java.time.LocalTime.now(io.gridbot.service.subscription.QuietHours.CHINA);
    subscriptions.setQuietHours(
        subscriber,
        new io.gridbot.service.subscription.QuietHours(
            china.plusHours(6).withMinute(0).withSecond(0).withNano(0),
            china.plusHours(7).withMinute(0).withSecond(0).withNano(0)));
    java.time.Instant start =
        java.time.Instant.now()
            .plus(Duration.ofDays(2))
            .truncatedTo(java.time.temporal.ChronoUnit.HOURS);
    HttpResponse<String> created =
        call(
            "POST",
            "/api/staff/outages",
            "{\"areas\":[\"CN-330106-017\"],\"startsAt\":\""
                + start
                + "\",\"endsAt\":\""
                + start.plus(Duration.ofHours(4))
                + "\",\"reason\":\"线路检修\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    long id = RobotChat.JSON.readTree(created.body()).get("id").asLong();
    assertThat(RobotChat.JSON.readTree(created.body()).get("areas").get(0).asString())
        .isEqualTo("CN-330106-017");

    HttpResponse<String> published = call("POST", "/api/staff/outages/" + id + "/publish", null);
    assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
    assertThat(RobotChat.JSON.readTree(published.body()).get("state").asString())
        .isEqualTo("ANNOUNCED");
    assertThat(call("GET", "/api/staff/outages/" + id + "/affected-accounts", null).body())
        .isEqualTo("2");
    // the subscriber is told ahead, through the outbox, the queue and the web sender
    awaitSent(subscriber, "outage:" + id + ":published");

    HttpResponse<String> restored = call("POST", "/api/staff/outages/" + id + "/restore", null);
    assertThat(RobotChat.JSON.readTree(restored.body()).get("state").asString())
        .isEqualTo("RESTORED");
    awaitSent(subscriber, "outage:" + id + ":restored");
    assertThat(
            jdbc.queryForList(
                "select notice_key from notification_delivery where channel_user_id = ?",
                String.class,
                subscriber.userId()))
        .containsExactlyInAnyOrder("outage:" + id + ":published", "outage:" + id + ":restored");
    assertThat(call("POST", "/api/staff/outages/" + id + "/publish", null).statusCode())
        .isEqualTo(409);
    assertThat(call("GET", "/api/staff/outages/999999", null).statusCode()).isEqualTo(404);
  }

  private void awaitSent(ChannelUser user, String key) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(
                        jdbc.queryForList(
                            "select state from notification_delivery where channel_user_id = ?"
                                + " and notice_key = ?",
                            String.class,
                            user.userId(),
                            key))
                    .containsExactly("SENT"));
  }
}
