package io.gridbot.channel.wechat.pay;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Test keys and WeChat Pay's side of the protocol: a merchant key pair and a stand-in platform key
 * pair generated per run, responses and notifications signed with the platform key as WeChat Pay
 * signs them, notification resources encrypted under the API v3 key.
 */
final class PayFixture {

  static final String MCH_ID = "1900000109";
  static final String APP_ID = "wxd678efh567hg6787";
  static final String PUB_KEY_ID = "PUB_KEY_ID_0119000001092026112700000000000001";
  static final String MERCHANT_SERIAL = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1";
  static final String REFUND_NOTIFY_URL = "https://gridbot.example.cn/wx/pay/refund-notify";

  final KeyPair merchant = rsa();
  final KeyPair platform = rsa();
  final String apiV3Key = randomKey();

  /**
   * Settings whose pay host is {@code https://api.mch.weixin.qq.com} reached through {@code proxy}
   * (WireMock): WxJava signs and verifies only for hosts ending in {@code .mch.weixin.qq.com}.
   */
  WeChatPaySettings settings(String proxy) {
    return new WeChatPaySettings(
        true,
        MCH_ID,
        APP_ID,
        apiV3Key,
        pem("PRIVATE KEY", merchant.getPrivate().getEncoded()),
        MERCHANT_SERIAL,
        pem("PUBLIC KEY", platform.getPublic().getEncoded()),
        PUB_KEY_ID,
        "http://api.mch.weixin.qq.com",
        "https://gridbot.example.cn/wx/pay/notify",
        "https://gridbot.example.cn",
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        proxy,
        REFUND_NOTIFY_URL,
        null);
  }

  /** A JSON response signed with the platform key, as WeChat Pay answers API calls. */
  ResponseDefinitionBuilder signedJson(int status, String body) {
    Map<String, String> headers = signatureHeaders(body, Instant.now(), platform.getPrivate());
    ResponseDefinitionBuilder response =
        aResponse()
            .withStatus(status)
            .withHeader("Content-Type", "application/json; charset=utf-8")
            .withHeader("Request-ID", UUID.randomUUID().toString())
            .withBody(body);
    headers.forEach(response::withHeader);
    return response;
  }

  /** Wechatpay-Timestamp/Nonce/Signature/Serial over {@code timestamp\nnonce\nbody\n}. */
  static Map<String, String> signatureHeaders(String body, Instant at, PrivateKey key) {
    String timestamp = Long.toString(at.getEpochSecond());
    String nonce = UUID.randomUUID().toString().replace("-", "");
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Wechatpay-Timestamp", timestamp);
    headers.put("Wechatpay-Nonce", nonce);
    headers.put("Wechatpay-Signature", sign(key, timestamp + "\n" + nonce + "\n" + body + "\n"));
    headers.put("Wechatpay-Serial", PUB_KEY_ID);
    return headers;
  }

  Map<String, String> notifyHeaders(String body, Instant at) {
    return signatureHeaders(body, at, platform.getPrivate());
  }

  /** A payment notification whose transaction resource is encrypted under the API v3 key. */
  String notification(String transactionJson) {
    String nonce = "fdasflkja484";
    String ad = "transaction";
    String ciphertext = encrypt(transactionJson, nonce, ad);
    return "{\"id\":\"EV-2018022511223320873\",\"create_time\":\"2026-11-27T10:34:56+08:00\","
        + "\"resource_type\":\"encrypt-resource\",\"event_type\":\"TRANSACTION.SUCCESS\","
        + "\"summary\":\"支付成功\",\"resource\":{\"original_type\":\"transaction\","
        + "\"algorithm\":\"AEAD_AES_256_GCM\",\"ciphertext\":\""
        + ciphertext
        + "\",\"associated_data\":\""
        + ad
        + "\",\"nonce\":\""
        + nonce
        + "\"}}";
  }

  /**
   * A refund notification ({@code REFUND.SUCCESS}, {@code REFUND.ABNORMAL} …) whose refund resource
   * is encrypted under the API v3 key.
   */
  String refundNotification(String eventType, String refundJson) {
    String nonce = "a1b2c3d4e5f6";
    String ad = "refund";
    String ciphertext = encrypt(refundJson, nonce, ad);
    return "{\"id\":\"EV-2018022511223320873\",\"create_time\":\"2026-11-27T10:34:56+08:00\","
        + "\"resource_type\":\"encrypt-resource\",\"event_type\":\""
        + eventType
        + "\",\"summary\":\"退款成功\",\"resource\":{\"original_type\":\"refund\","
        + "\"algorithm\":\"AEAD_AES_256_GCM\",\"ciphertext\":\""
        + ciphertext
        + "\",\"associated_data\":\""
        + ad
        + "\",\"nonce\":\""
        + nonce
        + "\"}}";
  }

  /** The decrypted refund of a refund notification. */
  static String refund(
      String mchId, String outTradeNo, String outRefundNo, String refundId, String status) {
    return "{\"mchid\":\""
        + mchId
        + "\",\"out_trade_no\":\""
        + outTradeNo
        + "\",\"transaction_id\":\"4200000001202611270000000001\",\"out_refund_no\":\""
        + outRefundNo
        + "\",\"refund_id\":\""
        + refundId
        + "\",\"refund_status\":\""
        + status
        + "\","
        + ("SUCCESS".equals(status) ? "\"success_time\":\"2026-11-27T10:40:00+08:00\"," : "")
        + "\"user_received_account\":\"招商银行信用卡0403\","
        + "\"amount\":{\"total\":8880,\"refund\":3000,\"payer_total\":8880,\"payer_refund\":3000}}";
  }

  /** The answer to a refund request or query, as WeChat Pay gives it. */
  static String refundAnswer(String outTradeNo, String outRefundNo, String status) {
    return "{\"refund_id\":\"50000000382019052709732678859\",\"out_refund_no\":\""
        + outRefundNo
        + "\",\"transaction_id\":\"1217752501201407033233368018\",\"out_trade_no\":\""
        + outTradeNo
        + "\",\"channel\":\"ORIGINAL\",\"user_received_account\":\"招商银行信用卡0403\","
        + ("SUCCESS".equals(status) ? "\"success_time\":\"2026-11-27T10:40:00+08:00\"," : "")
        + "\"create_time\":\"2026-11-27T10:34:56+08:00\",\"status\":\""
        + status
        + "\",\"funds_account\":\"AVAILABLE\",\"amount\":{\"total\":8880,\"refund\":3000,"
        + "\"payer_total\":8880,\"payer_refund\":3000,\"settlement_refund\":3000,"
        + "\"settlement_total\":8880,\"discount_refund\":0,\"currency\":\"CNY\"}}";
  }

  /** The decrypted transaction of a notification or the answer of an order query. */
  static String transaction(
      String mchId, String appId, String outTradeNo, String txnId, String state, long fen) {
    return "{\"appid\":\""
        + appId
        + "\",\"mchid\":\""
        + mchId
        + "\",\"out_trade_no\":\""
        + outTradeNo
        + "\",\"transaction_id\":\""
        + txnId
        + "\",\"trade_type\":\"JSAPI\",\"trade_state\":\""
        + state
        + "\",\"trade_state_desc\":\"\",\"bank_type\":\"CMC\",\"attach\":\"\","
        + ("SUCCESS".equals(state) ? "\"success_time\":\"2026-11-27T10:34:56+08:00\"," : "")
        + "\"payer\":{\"openid\":\"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o\"},"
        + "\"amount\":{\"total\":"
        + fen
        + ",\"payer_total\":"
        + fen
        + ",\"currency\":\"CNY\",\"payer_currency\":\"CNY\"}}";
  }

  String encrypt(String plaintext, String nonce, String associatedData) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(apiV3Key.getBytes(StandardCharsets.UTF_8), "AES"),
          new GCMParameterSpec(128, nonce.getBytes(StandardCharsets.UTF_8)));
      cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder()
          .encodeToString(cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
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

  static boolean verify(PublicKey key, String message, String signature) {
    try {
      Signature s = Signature.getInstance("SHA256withRSA");
      s.initVerify(key);
      s.update(message.getBytes(StandardCharsets.UTF_8));
      return s.verify(Base64.getDecoder().decode(signature));
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

  private static KeyPair rsa() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String randomKey() {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    SecureRandom random = new SecureRandom();
    StringBuilder key = new StringBuilder();
    for (int i = 0; i < 32; i++) {
      key.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return key.toString();
  }
}
