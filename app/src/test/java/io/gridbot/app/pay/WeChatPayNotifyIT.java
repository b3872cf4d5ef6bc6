package io.gridbot.app.pay;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.app.CleanDatabase;
import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.AccountService;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.payment.PaymentChannel;
import io.gridbot.service.payment.PaymentOrder;
import io.gridbot.service.payment.PaymentService;
import io.gridbot.service.payment.PaymentState;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * WeChat Pay end to end on the real database: an order created through service-core, WeChat Pay's
 * signed and encrypted notification delivered three times over HTTP, the balance credited once.
 * Keys are generated here; the platform key pair stands in for WeChat Pay's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@Import(CleanDatabase.class)
class WeChatPayNotifyIT {

  private static final String APP_ID = "wxd678efh567hg6787";
  private static final String MCH_ID = "1900000109";
  private static final String API_V3_KEY = UUID.randomUUID().toString().replace("-", "");
  private static final KeyPair MERCHANT = rsa();
  private static final KeyPair PLATFORM = rsa();

  @LocalServerPort int port;
  @Autowired PaymentService payments;
  @Autowired AccountService accounts;

  private final HttpClient http = HttpClient.newHttpClient();

  @DynamicPropertySource
  static void weChatPay(DynamicPropertyRegistry registry) {
    registry.add("gridbot.wechat.accounts[0].app-id", () -> APP_ID);
    registry.add("gridbot.wechat.accounts[0].secret", () -> "test-secret");
    registry.add("gridbot.wechat.accounts[0].token", () -> "test-token");
    registry.add("gridbot.wechat.pay.enabled", () -> "true");
    registry.add("gridbot.wechat.pay.mch-id", () -> MCH_ID);
    registry.add("gridbot.wechat.pay.app-id", () -> APP_ID);
    registry.add("gridbot.wechat.pay.api-v3-key", () -> API_V3_KEY);
    registry.add(
        "gridbot.wechat.pay.merchant-private-key",
        () -> pem("PRIVATE KEY", MERCHANT.getPrivate().getEncoded()));
    registry.add("gridbot.wechat.pay.merchant-serial-no", () -> "5157F09EFDC096DE15EBE81A47057A72");
    registry.add(
        "gridbot.wechat.pay.platform-public-key",
        () -> pem("PUBLIC KEY", PLATFORM.getPublic().getEncoded()));
    registry.add("gridbot.wechat.pay.platform-public-key-id", () -> "PUB_KEY_ID_0119000001092026");
    registry.add("gridbot.wechat.pay.notify-url", () -> "https://gridbot.example.cn/wx/pay/notify");
    registry.add("gridbot.wechat.pay.page-base-url", () -> "https://gridbot.example.cn");
    // nothing may leave for the real pay host from this test
    registry.add("gridbot.wechat.pay.http-proxy", () -> "http://127.0.0.1:9");
  }

  @Test
  void aNotificationDeliveredThreeTimesCreditsTheBalanceOnce() throws Exception {
    AccountNo account = new AccountNo("3300000001");
    BigDecimal before = accounts.find(account).orElseThrow().balance();
    PaymentOrder order =
        payments.createOrder(
            account,
            new BigDecimal("86.40"),
            PaymentChannel.WECHAT,
            new ChannelUser("wechat", APP_ID + ":oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"));
    String no = order.outTradeNo().value();
    String body = notification(no, "4200000001202611270000000001", 8640);

    for (int i = 0; i < 3; i++) {
      assertThat(deliver(body, PLATFORM).statusCode()).isEqualTo(204);
    }

    assertThat(payments.find(order.outTradeNo()).orElseThrow().state())
        .isEqualTo(PaymentState.PAID);
    assertThat(accounts.find(account).orElseThrow().balance())
        .isEqualByComparingTo(before.add(new BigDecimal("86.40")));
  }

  @Test
  void aForgedNotificationChangesNothing() throws Exception {
    AccountNo account = new AccountNo("3300000001");
    BigDecimal before = accounts.find(account).orElseThrow().balance();
    PaymentOrder order =
        payments.createOrder(account, new BigDecimal("20.00"), PaymentChannel.WECHAT, null);
    String body = notification(order.outTradeNo().value(), "4200000001202611270000000002", 2000);

    HttpResponse<String> answer = deliver(body, rsa());

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.body()).contains("\"code\":\"FAIL\"");
    assertThat(payments.find(order.outTradeNo()).orElseThrow().state())
        .isEqualTo(PaymentState.CREATED);
    assertThat(accounts.find(account).orElseThrow().balance()).isEqualByComparingTo(before);
  }

  private HttpResponse<String> deliver(String body, KeyPair signer) throws Exception {
    String timestamp = Long.toString(Instant.now().getEpochSecond());
    String nonce = UUID.randomUUID().toString().replace("-", "");
    Signature s = Signature.getInstance("SHA256withRSA");
    s.initSign(signer.getPrivate());
    s.update((timestamp + "\n" + nonce + "\n" + body + "\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/wx/pay/notify"))
            .header("Content-Type", "application/json")
            .header("Wechatpay-Timestamp", timestamp)
            .header("Wechatpay-Nonce", nonce)
            .header("Wechatpay-Signature", Base64.getEncoder().encodeToString(s.sign()))
            .header("Wechatpay-Serial", "PUB_KEY_ID_0119000001092026")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String notification(String outTradeNo, String transactionId, long fen)
      throws Exception {
    String transaction =
        "{\"appid\":\""
            + APP_ID
            + "\",\"mchid\":\""
            + MCH_ID
            + "\",\"out_trade_no\":\""
            + outTradeNo
            + "\",\"transaction_id\":\""
            + transactionId
            + "\",\"trade_type\":\"JSAPI\",\"trade_state\":\"SUCCESS\",\"trade_state_desc\":\"支付成功\","
            + "\"bank_type\":\"CMC\",\"success_time\":\"2026-11-27T10:34:56+08:00\","
            + "\"payer\":{\"openid\":\"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o\"},"
            + "\"amount\":{\"total\":"
            + fen
            + ",\"payer_total\":"
            + fen
            + ",\"currency\":\"CNY\",\"payer_currency\":\"CNY\"}}";
    String nonce = "fdasflkja484";
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(
        Cipher.ENCRYPT_MODE,
        new SecretKeySpec(API_V3_KEY.getBytes(StandardCharsets.UTF_8), "AES"),
        new GCMParameterSpec(128, nonce.getBytes(StandardCharsets.UTF_8)));
    cipher.updateAAD("transaction".getBytes(StandardCharsets.UTF_8));
    String ciphertext =
        Base64.getEncoder()
            .encodeToString(cipher.doFinal(transaction.getBytes(StandardCharsets.UTF_8)));
    return "{\"id\":\"EV-"
        + UUID.randomUUID()
        + "\",\"create_time\":\"2026-11-27T10:34:56+08:00\",\"resource_type\":\"encrypt-resource\","
        + "\"event_type\":\"TRANSACTION.SUCCESS\",\"summary\":\"支付成功\",\"resource\":{"
        + "\"original_type\":\"transaction\",\"algorithm\":\"AEAD_AES_256_GCM\",\"ciphertext\":\""
        + ciphertext
        + "\",\"associated_data\":\"transaction\",\"nonce\":\""
        + nonce
        + "\"}}";
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  private static KeyPair rsa() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
