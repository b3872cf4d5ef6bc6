package io.gridbot.app.pay;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * WeChat Pay as the tests play it: a merchant key pair and a stand-in platform key pair generated
 * per run, notifications encrypted under the API v3 key and signed with the platform key, pay host
 * answers signed the same way.
 */
public final class WeChatPayStandIn {

  public static final String MCH_ID = "1900000109";
  public static final String PUB_KEY_ID = "PUB_KEY_ID_0119000001092026";

  public final String appId;
  public final String apiV3Key = UUID.randomUUID().toString().replace("-", "");
  public final KeyPair merchant = rsa();
  public final KeyPair platform = rsa();
  private final HttpClient http = HttpClient.newHttpClient();

  public WeChatPayStandIn(String appId) {
    this.appId = appId;
  }

  /** The gridbot.wechat.pay.* settings, the pay host reached through {@code proxy}. */
  public void register(DynamicPropertyRegistry registry, String proxy) {
    registry.add("gridbot.wechat.pay.enabled", () -> "true");
    registry.add("gridbot.wechat.pay.mch-id", () -> MCH_ID);
    registry.add("gridbot.wechat.pay.app-id", () -> appId);
    registry.add("gridbot.wechat.pay.api-v3-key", () -> apiV3Key);
    registry.add(
        "gridbot.wechat.pay.merchant-private-key",
        () -> pem("PRIVATE KEY", merchant.getPrivate().getEncoded()));
    registry.add("gridbot.wechat.pay.merchant-serial-no", () -> "5157F09EFDC096DE15EBE81A47057A72");
    registry.add(
        "gridbot.wechat.pay.platform-public-key",
        () -> pem("PUBLIC KEY", platform.getPublic().getEncoded()));
    registry.add("gridbot.wechat.pay.platform-public-key-id", () -> PUB_KEY_ID);
    registry.add("gridbot.wechat.pay.notify-url", () -> "https://gridbot.example.cn/wx/pay/notify");
    registry.add("gridbot.wechat.pay.page-base-url", () -> "https://gridbot.example.cn");
    // WeChat Pay's host over plain HTTP through the proxy (WireMock): WxJava signs requests and
    // verifies answers only for hosts ending in .mch.weixin.qq.com
    registry.add("gridbot.wechat.pay.pay-base-url", () -> "http://api.mch.weixin.qq.com");
    registry.add("gridbot.wechat.pay.http-proxy", () -> proxy);
  }

  /** A pay host answer signed by the platform key. */
  public ResponseDefinitionBuilder signedJson(int status, String body) {
    String timestamp = Long.toString(Instant.now().getEpochSecond());
    String nonce = UUID.randomUUID().toString().replace("-", "");
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json; charset=utf-8")
        .withHeader("Request-ID", UUID.randomUUID().toString())
        .withHeader("Wechatpay-Timestamp", timestamp)
        .withHeader("Wechatpay-Nonce", nonce)
        .withHeader(
            "Wechatpay-Signature",
            sign(platform.getPrivate(), timestamp + "\n" + nonce + "\n" + body + "\n"))
        .withHeader("Wechatpay-Serial", PUB_KEY_ID)
        .withBody(body);
  }

  /** A TRANSACTION.SUCCESS notification of this order, its resource encrypted. */
  public String notification(String outTradeNo, String transactionId, long fen, String openId) {
    String transaction =
        "{\"appid\":\""
            + appId
            + "\",\"mchid\":\""
            + MCH_ID
            + "\",\"out_trade_no\":\""
            + outTradeNo
            + "\",\"transaction_id\":\""
            + transactionId
            + "\",\"trade_type\":\"JSAPI\",\"trade_state\":\"SUCCESS\",\"trade_state_desc\":\"支付成功\","
            + "\"bank_type\":\"CMC\",\"success_time\":\"2026-11-27T10:34:56+08:00\","
            + "\"payer\":{\"openid\":\""
            + openId
            + "\"},\"amount\":{\"total\":"
            + fen
            + ",\"payer_total\":"
            + fen
            + ",\"currency\":\"CNY\",\"payer_currency\":\"CNY\"}}";
    String nonce = "fdasflkja484";
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(apiV3Key.getBytes(StandardCharsets.UTF_8), "AES"),
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
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Delivers a notification to the server's notify endpoint, signed with {@code signer}. */
  public HttpResponse<String> deliver(int port, String body, KeyPair signer) {
    String timestamp = Long.toString(Instant.now().getEpochSecond());
    String nonce = UUID.randomUUID().toString().replace("-", "");
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/wx/pay/notify"))
            .header("Content-Type", "application/json")
            .header("Wechatpay-Timestamp", timestamp)
            .header("Wechatpay-Nonce", nonce)
            .header(
                "Wechatpay-Signature",
                sign(signer.getPrivate(), timestamp + "\n" + nonce + "\n" + body + "\n"))
            .header("Wechatpay-Serial", PUB_KEY_ID)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String sign(PrivateKey key, String message) {
    try {
      Signature s = Signature.getInstance("SHA256withRSA");
      s.initSign(key);
      s.update(message.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(s.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  public static KeyPair rsa() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
