package io.gridbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * End to end over HTTP against MariaDB and Redis: a new web chat user binds account 3300000001 and
 * asks for its balance; the message flows channel → dialog engine → service-core → MyBatis →
 * database, and every turn is logged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@Import(CleanDatabase.class)
class RobotConversationIT {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  RobotChat customer;

  @BeforeEach
  void newCustomer() {
    customer = new RobotChat(port, "it-" + UUID.randomUUID());
  }

  @Test
  void newUserBindsAccountWithPhoneDigitsThenGetsBalanceFromDatabase() {
    // given a user with no binding
    assertThat(customer.say("我家电费还剩多少")).singleElement().asString().contains("还没有绑定户号");

    // when they bind 3300000001 and answer with the registered phone's last four digits
    assertThat(customer.say("绑定户号3300000001")).singleElement().asString().contains("后四位");
    assertThat(customer.say("0001"))
        .singleElement()
        .asString()
        .contains("绑定成功")
        .contains("幸福小区3栋2单元501");

    // then the binding is in the database and the balance comes from the account row
    assertThat(activeBindings("3300000001")).isEqualTo(1);
    assertThat(customer.say("查一下余额"))
        .singleElement()
        .asString()
        .contains("3300****01")
        .contains("12.50元");

    // and every turn was logged, inbound with intent and confidence, outbound with the reply
    List<Map<String, Object>> log =
        jdbc.queryForList(
            "select direction, text, intent, confidence from conversation_log"
                + " where channel = 'web' and channel_user_id = ? order by id",
            customer.sessionId);
    assertThat(log).hasSize(8);
    assertThat(log.get(6))
        .containsEntry("direction", "IN")
        .containsEntry("intent", "check_balance");
    assertThat(log.get(6).get("confidence")).isNotNull();
    assertThat(log.get(7).get("text").toString()).contains("12.50");
  }

  @Test
  void wrongPhoneDigitsDoNotBind() {
    // given a user binding 3300000002 (registered phone ends 0002)
    customer.say("我要绑定户号");
    customer.say("3300000002");

    // when they give the wrong digits
    List<String> replies = customer.say("1234");

    // then nothing is bound and the balance is still refused
    assertThat(replies).singleElement().asString().contains("验证未通过");
    assertThat(activeBindings("3300000002")).isZero();
    assertThat(customer.say("余额")).singleElement().asString().contains("还没有绑定户号");
  }

  @Test
  void deniedFormIsCancelledAndBindsNothing() {
    customer.say("绑定户号3300000001");
    assertThat(customer.say("算了")).singleElement().asString().contains("已取消");
    assertThat(customer.say("0001")).singleElement().asString().doesNotContain("绑定成功");
    assertThat(activeBindings("3300000001")).isZero();
  }

  @Test
  void redeliveredMessageIsAnsweredOnceWithTheFirstReply() {
    // given a message with an id
    String id = "msg-" + UUID.randomUUID();
    List<String> first = customer.say("绑定户号3300000001", id);

    // when the same message is delivered again
    List<String> again = customer.say("绑定户号3300000001", id);

    // then the same answer comes back and the turn was processed (and logged) once
    assertThat(again).isEqualTo(first);
    Integer inbound =
        jdbc.queryForObject(
            "select count(*) from conversation_log where channel_user_id = ? and direction = 'IN'",
            Integer.class,
            customer.sessionId);
    assertThat(inbound).isEqualTo(1);
  }

  @Test
  void malformedRequestsGetProblemDetails() {
    assertProblem(customer.post("application/json", "{\"text\":\"余额\"}"), "sessionId");
    assertProblem(
        customer.post(
            "application/json", "{\"sessionId\":\"" + customer.sessionId + "\",\"text\":\"  \"}"),
        "text");
    assertProblem(customer.post("application/json", "{\"sessionId\":"), null);
    assertProblem(customer.post("application/json", "余额多少"), null);
    assertProblem(customer.post("text/plain", "余额多少"), null);
    assertProblem(
        customer.post(
            "application/json",
            "{\"sessionId\":\"abcdefgh\",\"text\":\"" + "电".repeat(3000) + "\"}"),
        null);
    // nothing reached the conversation log
    Integer rows =
        jdbc.queryForObject(
            "select count(*) from conversation_log where channel_user_id = ?",
            Integer.class,
            customer.sessionId);
    assertThat(rows).isZero();
  }

  private static void assertProblem(HttpResponse<String> response, String field) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    JsonNode problem = RobotChat.JSON.readTree(response.body());
    assertThat(problem.get("status").asInt()).isEqualTo(400);
    assertThat(problem.get("title").asString()).isNotBlank();
    if (field != null) {
      assertThat(problem.get("field").asString()).isEqualTo(field);
    }
  }

  private int activeBindings(String accountNo) {
    return jdbc.queryForObject(
        "select count(*) from channel_binding where channel = 'web' and channel_user_id = ?"
            + " and account_no = ? and unbound_at is null",
        Integer.class,
        customer.sessionId,
        accountNo);
  }
}
