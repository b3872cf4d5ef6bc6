package io.gridbot.app.notify;

import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.notification.Notice;
import io.gridbot.service.port.NotificationSender;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends notices by SMS (channel {@code sms}, user id an 11-digit mainland mobile number) through a
 * generic HTTP SMS gateway, signed like the common Chinese gateways:
 *
 * <pre>
 * POST {base-url}/sms/send
 * Content-Type: application/json; charset=UTF-8
 * X-Sms-App-Key:   {app-key}
 * X-Sms-Timestamp: {epoch milliseconds}
 * X-Sms-Signature: Base64(HMAC-SHA256(secret, timestamp + "\n" + body bytes))
 *
 * {"phone":"13800000001","sign":"国网电力","text":"【国网电力】...","requestId":"9f2c..."}
 * </pre>
 *
 * The gateway answers {@code {"code":"OK","messageId":"...","message":"..."}}. {@code requestId} is
 * derived from the notice key and the phone, so a retried send carries the same id and a gateway
 * that deduplicates by it sends once.
 *
 * <p>Outcomes: 2xx with code {@code OK} is SENT (detail: the gateway's message id); 2xx with {@code
 * THROTTLED}, {@code BUSY} or {@code SYSTEM_ERROR}, 2xx with an unreadable body, 408, 429, 5xx,
 * timeouts and connection failures are RETRY; any other code and any other 4xx (bad number,
 * blacklisted, content refused, bad signature) are FAILED. Never throws. Logs mask the phone
 * ({@code 138****5678}) and never contain the secret or the text.
 */
final class SmsNotificationSender implements NotificationSender {

  static final String CHANNEL = "sms";
  static final String APP_KEY_HEADER = "X-Sms-App-Key";
  static final String TIMESTAMP_HEADER = "X-Sms-Timestamp";
  static final String SIGNATURE_HEADER = "X-Sms-Signature";
  static final String PATH = "/sms/send";

  private static final Logger log = LoggerFactory.getLogger(SmsNotificationSender.class);
  private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}");
  private static final Pattern PHONE_IN_TEXT = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");
  private static final Set<String> TRANSIENT_CODES = Set.of("THROTTLED", "BUSY", "SYSTEM_ERROR");
  private static final int MAX_RESPONSE_BYTES = 64 * 1024;
  private static final int MAX_DETAIL = 200;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final NotifySettings.Sms settings;
  private final RestClient gateway;
  private final Clock clock;

  /**
   * @param restClients a builder to start from (Spring Boot's carries observation); its request
   *     factory is replaced by one with the configured timeouts
   */
  SmsNotificationSender(NotifySettings.Sms settings, RestClient.Builder restClients, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
    requests.setReadTimeout(settings.readTimeout());
    this.gateway = restClients.clone().baseUrl(settings.baseUrl()).requestFactory(requests).build();
  }

  @Override
  public String channel() {
    return CHANNEL;
  }

  @Override
  public Delivery send(ChannelUser recipient, Notice notice) {
    if (!CHANNEL.equals(recipient.channel()) || !PHONE.matcher(recipient.userId()).matches()) {
      log.warn("sms {} not sent: the recipient is not an 11-digit mobile number", notice.key());
      return new Delivery(Outcome.FAILED, "not an 11-digit mobile number");
    }
    String phone = recipient.userId();
    String requestId = requestId(notice.key(), phone);
    Delivery delivery;
    try {
      delivery = post(phone, text(notice), requestId);
    } catch (ResourceAccessException e) {
      delivery = new Delivery(Outcome.RETRY, "gateway unreachable: " + rootCause(e));
    } catch (RestClientException | JacksonException e) {
      delivery = new Delivery(Outcome.RETRY, "gateway call failed: " + rootCause(e));
    }
    log.info(
        "sms {} for {} to {}: {} {}",
        requestId,
        notice.key(),
        mask(phone),
        delivery.outcome(),
        delivery.detail());
    return delivery;
  }

  private Delivery post(String phone, String text, String requestId) {
    byte[] body = JSON.writeValueAsBytes(new SmsRequest(phone, settings.sign(), text, requestId));
    String timestamp = Long.toString(clock.millis());
    return gateway
        .post()
        .uri(PATH)
        .contentType(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8))
        .accept(MediaType.APPLICATION_JSON)
        .header(APP_KEY_HEADER, settings.appKey())
        .header(TIMESTAMP_HEADER, timestamp)
        .header(SIGNATURE_HEADER, signature(settings.secret(), timestamp, body))
        .body(body)
        .exchange(
            (request, response) -> outcome(response.getStatusCode(), read(response.getBody())));
  }

  private static Delivery outcome(HttpStatusCode status, byte[] body) {
    GatewayAnswer answer = GatewayAnswer.parse(body);
    if (status.is2xxSuccessful()) {
      if (answer == null) {
        return new Delivery(Outcome.RETRY, "HTTP " + status.value() + " without a readable answer");
      }
      if ("OK".equals(answer.code())) {
        return new Delivery(
            Outcome.SENT, answer.messageId().isEmpty() ? "(no message id)" : answer.messageId());
      }
      Outcome outcome = TRANSIENT_CODES.contains(answer.code()) ? Outcome.RETRY : Outcome.FAILED;
      return new Delivery(outcome, answer.describe());
    }
    String detail = "HTTP " + status.value() + (answer == null ? "" : " " + answer.describe());
    int code = status.value();
    if (code == 408 || code == 429 || status.is5xxServerError()) {
      return new Delivery(Outcome.RETRY, detail);
    }
    return new Delivery(Outcome.FAILED, detail);
  }

  /** The signature, then the notice's text, cut to the configured length. */
  String text(Notice notice) {
    String full = settings.bracketedSign() + notice.text().strip();
    int max = settings.maxLength();
    if (full.codePointCount(0, full.length()) <= max) {
      return full;
    }
    return full.substring(0, full.offsetByCodePoints(0, max - 1)) + "…";
  }

  /** Base64 of HMAC-SHA256 over {@code timestamp + "\n" + body}, keyed with the secret. */
  static String signature(String secret, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + "\n").getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /** The same for every send of one notice to one phone: the gateway's idempotency key. */
  static String requestId(String noticeKey, String phone) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest((noticeKey + "\n" + phone).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** {@code 13812345678} as {@code 138****5678}. */
  static String mask(String phone) {
    return phone.length() == 11 ? phone.substring(0, 3) + "****" + phone.substring(7) : "****";
  }

  /** Gateway messages may echo the number: mask any mobile number in them. */
  private static String maskPhones(String text) {
    Matcher matcher = PHONE_IN_TEXT.matcher(text);
    StringBuilder masked = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(masked, mask(matcher.group()));
    }
    return matcher.appendTail(masked).toString();
  }

  private static byte[] read(InputStream body) throws IOException {
    return body == null ? new byte[0] : body.readNBytes(MAX_RESPONSE_BYTES);
  }

  private static String rootCause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName();
  }

  private record SmsRequest(String phone, String sign, String text, String requestId) {}

  private record GatewayAnswer(String code, String messageId, String message) {

    static GatewayAnswer parse(byte[] body) {
      if (body.length == 0) {
        return null;
      }
      try {
        JsonNode node = JSON.readTree(body);
        if (node == null || !node.isObject() || !node.path("code").isString()) {
          return null;
        }
        return new GatewayAnswer(
            node.path("code").asString(),
            node.path("messageId").asString(""),
            node.path("message").asString(""));
      } catch (JacksonException e) {
        return null;
      }
    }

    String describe() {
      String text = message.isEmpty() ? code : code + " " + message;
      text = maskPhones(text);
      return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL);
    }
  }
}
