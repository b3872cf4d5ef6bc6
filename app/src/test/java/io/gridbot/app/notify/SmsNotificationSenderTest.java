package io.gridbot.app.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.notification.Notice;
import io.gridbot.service.port.NotificationSender.Delivery;
import io.gridbot.service.port.NotificationSender.Outcome;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The SMS sender against a WireMock'd gateway: the signed request and every outcome. */
class SmsNotificationSenderTest {

  @RegisterExtension
  static WireMockExtension gateway =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String SECRET = "test-secret-不要外传";
  private static final String PHONE = "13812345678";
  private static final ChannelUser RECIPIENT = new ChannelUser("sms", PHONE);
  private static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger senderLog = (Logger) LoggerFactory.getLogger(SmsNotificationSender.class);

  @BeforeEach
  void captureLogs() {
    logs.start();
    senderLog.addAppender(logs);
  }

  @AfterEach
  void releaseLogs() {
    senderLog.detachAppender(logs);
  }

  private static NotifySettings.Sms settings(String baseUrl, int maxLength, Duration readTimeout) {
    return new NotifySettings.Sms(
        true,
        baseUrl,
        "gridbot-app",
        SECRET,
        "国网电力",
        maxLength,
        Duration.ofMillis(500),
        readTimeout);
  }

  private static SmsNotificationSender sender(NotifySettings.Sms settings) {
    return new SmsNotificationSender(
        settings, RestClient.builder(), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static SmsNotificationSender sender() {
    return sender(settings(gateway.baseUrl(), 300, Duration.ofSeconds(2)));
  }

  private static Notice notice(String key, String text) {
    return new Notice("progress", key, "工单进度", text, true, Map.of());
  }

  private static Notice notice() {
    return notice("ticket:R20261127001:DISPATCHED", "您的报修工单R20261127001已派单，抢修人员正在赶往现场。");
  }

  private static void answer(int status, String json) {
    gateway.stubFor(
        post(urlEqualTo("/sms/send"))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBody(json)));
  }

  private static String hmac(String timestamp, byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] prefix = (timestamp + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] payload = new byte[prefix.length + body.length];
    System.arraycopy(prefix, 0, payload, 0, prefix.length);
    System.arraycopy(body, 0, payload, prefix.length, body.length);
    return Base64.getEncoder().encodeToString(mac.doFinal(payload));
  }

  private static LoggedRequest onlyRequest() {
    List<LoggedRequest> requests = gateway.findAll(postRequestedFor(urlEqualTo("/sms/send")));
    assertThat(requests).hasSize(1);
    return requests.get(0);
  }

  @Test
  void postsSignedJsonAndReportsTheGatewayMessageIdAsSent() throws Exception {
    // given a gateway that accepts
    answer(200, "{\"code\":\"OK\",\"messageId\":\"msg-20261127-0001\",\"message\":\"accepted\"}");

    // when a notice is sent
    Delivery delivery = sender().send(RECIPIENT, notice());

    // then it is SENT with the gateway's message id
    assertThat(delivery).isEqualTo(new Delivery(Outcome.SENT, "msg-20261127-0001"));
    // and the request carries the phone, the sign, the signed text and a request id
    LoggedRequest request = onlyRequest();
    assertThat(request.getHeader("Content-Type")).startsWith("application/json");
    JsonNode body = JSON.readTree(request.getBody());
    assertThat(body.path("phone").asString()).isEqualTo(PHONE);
    assertThat(body.path("sign").asString()).isEqualTo("国网电力");
    assertThat(body.path("text").asString()).isEqualTo("【国网电力】您的报修工单R20261127001已派单，抢修人员正在赶往现场。");
    assertThat(body.path("requestId").asString()).matches("[0-9a-f]{32}");
    // and the headers: app key, the clock's timestamp and an HMAC the gateway can verify
    assertThat(request.getHeader("X-Sms-App-Key")).isEqualTo("gridbot-app");
    String timestamp = request.getHeader("X-Sms-Timestamp");
    assertThat(timestamp).isEqualTo(Long.toString(NOW.toEpochMilli()));
    assertThat(request.getHeader("X-Sms-Signature")).isEqualTo(hmac(timestamp, request.getBody()));
    // and no header or body carries the secret itself
    assertThat(request.getBodyAsString()).doesNotContain(SECRET);
    assertThat(request.getHeaders().all().toString()).doesNotContain(SECRET);
  }

  @Test
  void aRetryOfTheSameNoticeCarriesTheSameRequestIdAndAnotherNoticeAnother() throws Exception {
    // given a gateway that is busy
    answer(503, "{\"code\":\"BUSY\"}");
    SmsNotificationSender sender = sender();

    // when the same notice is sent twice and then another one
    sender.send(RECIPIENT, notice());
    sender.send(RECIPIENT, notice());
    sender.send(RECIPIENT, notice("ticket:R20261127001:CLOSED", "工单已办结。"));

    // then the gateway sees one request id twice and a second one once
    List<String> ids =
        gateway.findAll(postRequestedFor(urlEqualTo("/sms/send"))).stream()
            .map(r -> JSON.readTree(r.getBody()).path("requestId").asString())
            .toList();
    assertThat(ids).hasSize(3);
    assertThat(ids.get(0)).isEqualTo(ids.get(1)).isNotEqualTo(ids.get(2));
  }

  @Test
  void aLongTextIsCutToTheConfiguredLengthSignatureIncluded() throws Exception {
    // given a limit of 20 characters and a gateway that accepts
    answer(200, "{\"code\":\"OK\",\"messageId\":\"m-2\"}");
    SmsNotificationSender sender = sender(settings(gateway.baseUrl(), 20, Duration.ofSeconds(2)));

    // when a longer notice is sent
    sender.send(RECIPIENT, notice("outage:42:published", "因线路检修，幸福小区将于明天上午八点至下午五点停电，请提前做好准备。"));

    // then the text has exactly 20 characters, starts with the sign and ends with an ellipsis
    String text = JSON.readTree(onlyRequest().getBody()).path("text").asString();
    assertThat(text).hasSize(20).startsWith("【国网电力】因线路检修").endsWith("…");
  }

  @Test
  void anErrorCodeInASuccessfulAnswerFails() {
    // given a gateway that answers 200 but refuses the content
    answer(200, "{\"code\":\"CONTENT_REFUSED\",\"message\":\"内容含敏感词\"}");

    // when a notice is sent
    Delivery delivery = sender().send(RECIPIENT, notice());

    // then it failed for good, with the gateway's code
    assertThat(delivery.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(delivery.detail()).isEqualTo("CONTENT_REFUSED 内容含敏感词");
  }

  @Test
  void aThrottledCodeInASuccessfulAnswerIsRetried() {
    answer(200, "{\"code\":\"THROTTLED\",\"message\":\"too many\"}");

    Delivery delivery = sender().send(RECIPIENT, notice());

    assertThat(delivery.outcome()).isEqualTo(Outcome.RETRY);
    assertThat(delivery.detail()).startsWith("THROTTLED");
  }

  @Test
  void aSuccessfulStatusWithoutAReadableAnswerIsRetried() {
    answer(200, "<html>gateway maintenance</html>");

    Delivery delivery = sender().send(RECIPIENT, notice());

    assertThat(delivery.outcome()).isEqualTo(Outcome.RETRY);
  }

  @Test
  void aRejectedNumberFailsAndTheDetailMasksTheNumber() {
    // given a gateway that rejects the number and echoes it
    answer(400, "{\"code\":\"INVALID_PHONE\",\"message\":\"号码" + PHONE + "不可用\"}");

    // when a notice is sent
    Delivery delivery = sender().send(RECIPIENT, notice());

    // then it failed for good and the detail names the code but not the whole number
    assertThat(delivery.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(delivery.detail()).isEqualTo("HTTP 400 INVALID_PHONE 号码138****5678不可用");
  }

  @Test
  void aBlacklistedNumberFails() {
    answer(403, "{\"code\":\"BLACKLISTED\"}");

    assertThat(sender().send(RECIPIENT, notice()).outcome()).isEqualTo(Outcome.FAILED);
  }

  @Test
  void aRateLimitIsRetried() {
    answer(429, "{\"code\":\"THROTTLED\"}");

    Delivery delivery = sender().send(RECIPIENT, notice());

    assertThat(delivery.outcome()).isEqualTo(Outcome.RETRY);
    assertThat(delivery.detail()).startsWith("HTTP 429");
  }

  @Test
  void aServerErrorIsRetried() {
    answer(500, "");

    Delivery delivery = sender().send(RECIPIENT, notice());

    assertThat(delivery).isEqualTo(new Delivery(Outcome.RETRY, "HTTP 500"));
  }

  @Test
  void anAnswerSlowerThanTheReadTimeoutIsRetriedWithoutWaitingForIt() {
    // given a gateway that answers after 3 seconds and a read timeout of 300 ms
    gateway.stubFor(
        post(urlEqualTo("/sms/send"))
            .willReturn(okJson("{\"code\":\"OK\",\"messageId\":\"late\"}").withFixedDelay(3_000)));
    SmsNotificationSender sender = sender(settings(gateway.baseUrl(), 300, Duration.ofMillis(300)));

    // when a notice is sent
    long start = System.nanoTime();
    Delivery delivery = sender.send(RECIPIENT, notice());
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    // then it is to be retried, and the sender gave up near the timeout
    assertThat(delivery.outcome()).isEqualTo(Outcome.RETRY);
    assertThat(delivery.detail()).startsWith("gateway unreachable");
    assertThat(took).isLessThan(Duration.ofMillis(2_500));
  }

  @Test
  void aRefusedConnectionIsRetried() throws Exception {
    // given a port nobody listens on
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    SmsNotificationSender sender =
        sender(settings("http://127.0.0.1:" + port, 300, Duration.ofSeconds(2)));

    // when a notice is sent
    Delivery delivery = sender.send(RECIPIENT, notice());

    // then it is to be retried
    assertThat(delivery.outcome()).isEqualTo(Outcome.RETRY);
    assertThat(delivery.detail()).startsWith("gateway unreachable: ");
  }

  @Test
  void aRecipientThatIsNoMobileNumberFailsWithoutCallingTheGateway() {
    // given recipients that are not 11-digit mobile numbers, or not on the sms channel
    SmsNotificationSender sender = sender();
    List<ChannelUser> wrong =
        List.of(
            new ChannelUser("sms", "1381234567"),
            new ChannelUser("sms", "138123456789"),
            new ChannelUser("sms", "23812345678"),
            new ChannelUser("sms", "+8613812345678"),
            new ChannelUser("wechat", PHONE));

    // when notices are sent to them, then each failed for good and nothing reached the gateway
    for (ChannelUser user : wrong) {
      assertThat(sender.send(user, notice()).outcome())
          .as(user.toString())
          .isEqualTo(Outcome.FAILED);
    }
    assertThat(gateway.findAll(postRequestedFor(urlEqualTo("/sms/send")))).isEmpty();
  }

  @Test
  void logsMaskThePhoneAndNeverShowTheSecretOrTheText() {
    // given a gateway that accepts
    answer(200, "{\"code\":\"OK\",\"messageId\":\"m-3\"}");

    // when a notice is sent
    sender().send(RECIPIENT, notice());

    // then one line names the outcome and the masked phone, and nothing more
    List<String> lines = logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0)).contains("138****5678", "SENT", "m-3", "ticket:R20261127001");
    assertThat(String.join("\n", lines)).doesNotContain(PHONE, SECRET, "抢修人员");
  }
}
