package io.gridbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * A web customer asks for an agent; staff take the conversation, read it, answer into the page's
 * mailbox and give it back to the robot. Against MariaDB and Redis.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "gridbot.staff.users[0].username=staff",
      "gridbot.staff.users[0].password={bcrypt}$2a$10$o5/V1AwOAjTvWlXewgx.nulB30XVSOBnsaviahSD3I7ckzhTrgjRm",
      "gridbot.staff.users[0].roles=STAFF",
      "gridbot.staff.users[1].username=agent2",
      "gridbot.staff.users[1].password={noop}second-agent",
      "gridbot.staff.users[1].roles=STAFF"
    })
@ActiveProfiles("it")
@Import(CleanDatabase.class)
class HandoffStaffIT {

  private static final String HANDOFFS = "/api/staff/handoffs";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;

  private StaffClient staff() {
    return StaffClient.demoStaff(port);
  }

  private StaffClient secondAgent() {
    return StaffClient.as(port, "agent2", "second-agent");
  }

  @Test
  void anAgentTakesTheConversationAnswersInThePageAndGivesItBack() {
    // given a web customer who asks for a human
    RobotChat customer = new RobotChat(port, "handoff-" + UUID.randomUUID());
    assertThat(customer.say("转人工")).singleElement().asString().contains("人工客服");

    // when staff look at the queue
    JsonNode item = queued(customer.sessionId);
    assertThat(item).as("queued conversation").isNotNull();
    assertThat(item.get("position").asInt()).isPositive();
    assertThat(item.get("handoff").get("state").asString()).isEqualTo("QUEUED");
    assertThat(item.get("handoff").get("reason").asString()).isEqualTo("asked");
    long id = item.get("handoff").get("id").asLong();

    // and one claims it, while a second agent comes too late
    HttpResponse<String> claimed = staff().post(HANDOFFS + "/" + id + "/claim", "{}");
    assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(200);
    assertThat(StaffClient.json(claimed).get("state").asString()).isEqualTo("HELD");
    assertThat(StaffClient.json(claimed).get("agent").asString()).isEqualTo("staff");
    HttpResponse<String> late = secondAgent().post(HANDOFFS + "/" + id + "/claim", "{}");
    assertThat(late.statusCode()).as(late.body()).isEqualTo(409);
    assertThat(queued(customer.sessionId)).isNull();

    // then the robot is silent while the agent holds the conversation
    assertThat(customer.say("你好，有人吗")).isEmpty();

    // and the agent reads the conversation, oldest first
    HttpResponse<String> history = staff().get(HANDOFFS + "/" + id + "/history");
    assertThat(history.statusCode()).as(history.body()).isEqualTo(200);
    List<String> incoming = new ArrayList<>();
    for (JsonNode m : StaffClient.json(history)) {
      if (m.get("direction").asString().equals("IN")) {
        incoming.add(m.get("text").asString());
      }
    }
    assertThat(incoming).containsExactly("转人工", "你好，有人吗");

    // when the agent answers, the answer reaches the page's mailbox and the log
    HttpResponse<String> answered =
        staff().post(HANDOFFS + "/" + id + "/reply", "{\"text\":\"您好，我是客服小李，请讲\"}");
    assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
    JsonNode mailbox = mailbox(customer.sessionId, 0);
    assertThat(mailbox.get("replies").get(0).get("type").asString()).isEqualTo("text");
    assertThat(mailbox.get("replies").get(0).get("text").asString()).isEqualTo("您好，我是客服小李，请讲");
    long last = mailbox.get("last").asLong();
    assertThat(last).isEqualTo(1);
    JsonNode latest = lastOf(StaffClient.json(staff().get(HANDOFFS + "/" + id + "/history")));
    assertThat(latest.get("direction").asString()).isEqualTo("OUT");
    assertThat(latest.get("text").asString()).isEqualTo("您好，我是客服小李，请讲");

    // and only the holder answers, with a text that is not blank nor too long
    assertThat(secondAgent().post(HANDOFFS + "/" + id + "/reply", "{\"text\":\"我来\"}").statusCode())
        .isEqualTo(409);
    HttpResponse<String> blank = staff().post(HANDOFFS + "/" + id + "/reply", "{\"text\":\"  \"}");
    assertThat(blank.statusCode()).isEqualTo(400);
    assertThat(StaffClient.json(blank).get("field").asString()).isEqualTo("text");
    assertThat(
            staff()
                .post(HANDOFFS + "/" + id + "/reply", "{\"text\":\"" + "长".repeat(2001) + "\"}")
                .statusCode())
        .isEqualTo(400);
    assertThat(mailbox(customer.sessionId, last).get("replies")).isEmpty();

    // when the holder releases it (a second agent may not)
    assertThat(secondAgent().post(HANDOFFS + "/" + id + "/release", "{}").statusCode())
        .isEqualTo(409);
    HttpResponse<String> released = staff().post(HANDOFFS + "/" + id + "/release", "{}");
    assertThat(released.statusCode()).as(released.body()).isEqualTo(200);
    assertThat(StaffClient.json(released).get("state").asString()).isEqualTo("RELEASED");

    // then the customer is told and the robot answers again
    JsonNode notice = mailbox(customer.sessionId, last);
    assertThat(notice.get("replies").get(0).get("text").asString()).contains("人工客服已结束");
    assertThat(customer.say("查电费")).isNotEmpty();
    assertThat(staff().post(HANDOFFS + "/" + id + "/reply", "{\"text\":\"还在吗\"}").statusCode())
        .isEqualTo(409);
  }

  @Test
  void unknownHandoffsAreNotFoundAndStrangersAreTurnedAway() {
    assertThat(staff().post(HANDOFFS + "/987654321/claim", "{}").statusCode()).isEqualTo(404);
    assertThat(staff().get(HANDOFFS + "/987654321/history").statusCode()).isEqualTo(404);
    assertThat(staff().post(HANDOFFS + "/987654321/release", "{}").statusCode()).isEqualTo(404);
    assertThat(StaffClient.anonymous(port).get(HANDOFFS).statusCode()).isEqualTo(401);
    assertThat(StaffClient.anonymous(port).post(HANDOFFS + "/1/claim", "{}").statusCode())
        .isEqualTo(401);
  }

  private JsonNode queued(String sessionId) {
    HttpResponse<String> queue = staff().get(HANDOFFS);
    assertThat(queue.statusCode()).as(queue.body()).isEqualTo(200);
    for (JsonNode item : StaffClient.json(queue)) {
      if (item.get("handoff").get("channelUserId").asString().equals(sessionId)) {
        return item;
      }
    }
    return null;
  }

  private JsonNode mailbox(String sessionId, long after) {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    "http://127.0.0.1:"
                        + port
                        + "/api/robot/messages?sessionId="
                        + sessionId
                        + "&after="
                        + after))
            .GET()
            .build();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      return RobotChat.JSON.readTree(response.body());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static JsonNode lastOf(JsonNode array) {
    return array.get(array.size() - 1);
  }
}
