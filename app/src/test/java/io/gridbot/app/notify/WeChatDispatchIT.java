package io.gridbot.app.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.gridbot.app.CleanDatabase;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.notification.Notice;
import io.gridbot.service.notification.NotificationPublisher;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A repair progress notice published to a WeChat user goes through the application's dispatcher to
 * the WeChat sender, reaches WeChat (WireMock) as the configured template message and is recorded
 * as SENT; a user who unfollowed is recorded as FAILED with WeChat's code.
 */
@SpringBootTest
@ActiveProfiles("it")
@Import(CleanDatabase.class)
class WeChatDispatchIT {

  private static final String APP_ID = "wx5555555555555555";
  private static final String TEMPLATE_SEND = "/cgi-bin/message/template/send";

  @RegisterExtension
  static WireMockExtension wechat =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @DynamicPropertySource
  static void wechatAccount(DynamicPropertyRegistry properties) {
    properties.add("gridbot.wechat.accounts[0].app-id", () -> APP_ID);
    properties.add("gridbot.wechat.accounts[0].secret", () -> "it-secret");
    properties.add("gridbot.wechat.accounts[0].token", () -> "it-token");
    properties.add("gridbot.wechat.api-base-url", wechat::baseUrl);
    properties.add("gridbot.wechat.templates.progress-ticket.template-id", () -> "TPL-REPAIR-IT");
    properties.add(
        "gridbot.wechat.templates.progress-ticket.fields.character_string1", () -> "ticketNo");
    properties.add("gridbot.wechat.templates.progress-ticket.fields.thing2", () -> "title");
    properties.add("gridbot.notifications.queue", () -> "memory");
  }

  @Autowired NotificationPublisher publisher;
  @Autowired JdbcTemplate jdbc;

  private static Notice dispatched(String ticketNo) {
    return new Notice(
        "progress",
        "ticket:" + ticketNo + ":DISPATCHED",
        "报修已派单",
        "您的报修" + ticketNo + "已派单，抢修人员正在赶往现场。",
        true,
        Map.of("ticketNo", ticketNo, "state", "DISPATCHED"));
  }

  private Map<String, Object> delivery(String userId, String key) {
    return jdbc.queryForMap(
        "SELECT state, attempts, last_error, platform_ref FROM notification_delivery"
            + " WHERE channel = 'wechat' AND channel_user_id = ? AND notice_key = ?",
        userId,
        key);
  }

  @Test
  void aRepairNoticeReachesWeChatAsTemplateMessageAndIsRecordedAsSent() {
    wechat.stubFor(
        get(urlPathEqualTo("/cgi-bin/token"))
            .willReturn(okJson("{\"access_token\":\"TOKEN-IT\",\"expires_in\":7200}")));
    wechat.stubFor(
        post(urlPathEqualTo(TEMPLATE_SEND))
            .withRequestBody(matchingJsonPath("$.touser", equalTo("oFollower-0001")))
            .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":4711}")));
    wechat.stubFor(
        post(urlPathEqualTo(TEMPLATE_SEND))
            .withRequestBody(matchingJsonPath("$.touser", equalTo("oLeaver-0002")))
            .willReturn(okJson("{\"errcode\":43004,\"errmsg\":\"require subscribe\"}")));
    String follower = APP_ID + ":oFollower-0001";
    String leaver = APP_ID + ":oLeaver-0002";

    publisher.toUser(new ChannelUser("wechat", follower), dispatched("R20261127501"));
    publisher.toUser(new ChannelUser("wechat", leaver), dispatched("R20261127502"));

    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () -> {
              assertThat(delivery(follower, "ticket:R20261127501:DISPATCHED"))
                  .containsEntry("state", "SENT")
                  .containsEntry("attempts", 1)
                  // kept to match WeChat's TEMPLATESENDJOBFINISH report
                  .containsEntry("platform_ref", "msgid:4711");
              assertThat(delivery(leaver, "ticket:R20261127502:DISPATCHED"))
                  .containsEntry("state", "FAILED");
            });
    assertThat((String) delivery(leaver, "ticket:R20261127502:DISPATCHED").get("last_error"))
        .startsWith("wechat 43004");
    wechat.verify(
        postRequestedFor(urlPathEqualTo(TEMPLATE_SEND))
            .withRequestBody(matchingJsonPath("$.template_id", equalTo("TPL-REPAIR-IT")))
            .withRequestBody(
                matchingJsonPath("$.data.character_string1.value", equalTo("R20261127501")))
            .withRequestBody(matchingJsonPath("$.data.thing2.value", equalTo("报修已派单"))));
  }
}
