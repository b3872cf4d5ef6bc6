package io.gridbot.app.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.app.CleanDatabase;
import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.repair.ContactPhone;
import io.gridbot.service.repair.FaultReport;
import io.gridbot.service.repair.FaultReportResult;
import io.gridbot.service.repair.RepairService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The notification queue's Redis goes down while staff move a repair ticket on: the staff call
 * succeeds, the reporter's notice waits in the outbox, and once Redis is back the relay enqueues it
 * and the reporter is told, once.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "gridbot.notifications.queue=redis",
      "gridbot.notifications.stream=gridbot-it:outage-notify:${random.uuid}",
      "gridbot.notifications.outbox.every=500ms",
      "gridbot.notifications.outbox.lease=2s",
      "gridbot.notifications.outbox.retry-base=1s",
      "gridbot.notifications.outbox.retry-max=2s"
    })
@ActiveProfiles("it")
@Import(CleanDatabase.class)
class NoticesThroughRedisOutageIT {

  private static final RedisCut REDIS = proxy();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @DynamicPropertySource
  static void notificationRedis(DynamicPropertyRegistry registry) {
    registry.add(
        "gridbot.notifications.redis-url", () -> "redis://127.0.0.1:" + REDIS.port() + "/0");
  }

  @AfterAll
  static void closeProxy() throws IOException {
    REDIS.close();
  }

  @LocalServerPort int port;
  @Autowired RepairService repairs;
  @Autowired JdbcTemplate jdbc;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void a_notice_published_while_redis_is_down_reaches_the_customer_once_it_is_back()
      throws Exception {
    // given a fault reported by a web chat user
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
    String key = "ticket:" + no + ":DISPATCHED";

    // when the queue's Redis goes down and staff dispatch the ticket
    REDIS.cut();
    HttpResponse<String> dispatched;
    try {
      dispatched =
          staff(
              "/api/staff/tickets/" + no + "/dispatch",
              "{\"note\":\"抢修一班\",\"expectedRestoration\":\""
                  + Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS)
                  + "\"}");

      // then the ticket moved on and the notice waits in the outbox, not delivered
      assertThat(dispatched.statusCode()).as(dispatched.body()).isEqualTo(200);
      Map<String, Object> waiting = outbox(key);
      assertThat(waiting).containsEntry("state", "PENDING");
      assertThat(((Number) waiting.get("attempts")).intValue()).isPositive();
      assertThat(deliveries(reporter, key)).isEmpty();

      // and staff see it waiting
      HttpResponse<String> figures = staff("GET", "/api/staff/notifications?hours=1", null);
      assertThat(figures.statusCode()).as(figures.body()).isEqualTo(200);
      JsonNode waitingFigures = JSON.readTree(figures.body());
      assertThat(waitingFigures.get("outboxPending").asLong()).isPositive();
      assertThat(waitingFigures.get("outboxOldest").isNull()).isFalse();
    } finally {
      REDIS.restore();
    }

    // then, Redis back, the relay enqueues it and the reporter is told once
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(deliveries(reporter, key)).containsExactly("SENT"));
    assertThat(outbox(key)).containsEntry("state", "DONE").containsEntry("recipients", 1);
    JsonNode after = JSON.readTree(staff("GET", "/api/staff/notifications", null).body());
    assertThat(after.get("outboxPending").asLong()).isZero();
    assertThat(after.get("deliveriesByState").get("SENT").asLong()).isPositive();

    // a period out of range is a 400 naming the field
    HttpResponse<String> bad = staff("GET", "/api/staff/notifications?hours=0", null);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(bad.body()).get("field").asString()).isEqualTo("hours");
  }

  private Map<String, Object> outbox(String key) {
    return jdbc.queryForMap(
        "select state, attempts, recipients from notification_outbox where notice_key = ?", key);
  }

  private List<String> deliveries(ChannelUser user, String key) {
    return jdbc.queryForList(
        "select state from notification_delivery where channel_user_id = ? and notice_key = ?",
        String.class,
        user.userId(),
        key);
  }

  private HttpResponse<String> staff(String path, String json) throws Exception {
    return staff("POST", path, json);
  }

  private HttpResponse<String> staff(String method, String path, String json) throws Exception {
    return http.send(
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
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static RedisCut proxy() {
    try {
      return new RedisCut(
          System.getProperty("gridbot.test.redis.host", "127.0.0.1"),
          Integer.getInteger("gridbot.test.redis.port", 6379));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
