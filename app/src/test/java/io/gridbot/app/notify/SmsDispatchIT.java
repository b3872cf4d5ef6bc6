package io.gridbot.app.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.gridbot.app.CleanDatabase;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.notification.Notice;
import io.gridbot.service.notification.NotificationPublisher;
import io.gridbot.service.port.NotificationSender;
import java.time.Duration;
import java.util.List;
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
 * The SMS sender wired into the real dispatcher: a notice published to an SMS user in the running
 * application reaches the WireMock'd gateway and its delivery is recorded as SENT in MariaDB.
 */
@SpringBootTest
@ActiveProfiles("it")
@Import(CleanDatabase.class)
class SmsDispatchIT {

  @RegisterExtension
  static WireMockExtension gateway =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @DynamicPropertySource
  static void smsGateway(DynamicPropertyRegistry properties) {
    properties.add("gridbot.notify.sms.enabled", () -> "true");
    properties.add("gridbot.notify.sms.base-url", gateway::baseUrl);
    properties.add("gridbot.notify.sms.app-key", () -> "gridbot-it");
    properties.add("gridbot.notify.sms.secret", () -> "it-secret");
    properties.add("gridbot.notifications.queue", () -> "memory");
  }

  @Autowired NotificationPublisher publisher;
  @Autowired List<NotificationSender> senders;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aNoticeToAnSmsUserReachesTheGatewayAndIsRecordedAsSent() {
    // given a gateway that accepts, and the SMS sender among the application's senders
    gateway.stubFor(
        post(urlEqualTo("/sms/send"))
            .willReturn(okJson("{\"code\":\"OK\",\"messageId\":\"gw-it-1\"}")));
    assertThat(senders).extracting(NotificationSender::channel).contains("sms");

    // when a notice is published to an SMS user
    Notice notice =
        new Notice(
            "progress",
            "ticket:R20261127099:DISPATCHED",
            "工单进度",
            "您的报修工单R20261127099已派单。",
            true,
            Map.of());
    publisher.toUser(new ChannelUser("sms", "13800000001"), notice);

    // then the gateway gets the signed text for that phone
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                gateway.verify(
                    1,
                    postRequestedFor(urlEqualTo("/sms/send"))
                        .withHeader("X-Sms-App-Key", equalTo("gridbot-it"))
                        .withRequestBody(matchingJsonPath("$.phone", equalTo("13800000001")))
                        .withRequestBody(
                            matchingJsonPath("$.text", equalTo("【国网电力】您的报修工单R20261127099已派单。")))));
    // and the delivery is recorded as SENT after one attempt
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        jdbc.queryForMap(
                            "SELECT state, attempts, sent_at FROM notification_delivery"
                                + " WHERE channel = 'sms' AND channel_user_id = ? AND notice_key = ?",
                            "13800000001",
                            notice.key()))
                    .containsEntry("state", "SENT")
                    .containsEntry("attempts", 1)
                    .extractingByKey("sent_at")
                    .isNotNull());
  }
}
