package io.gridbot.app.wechat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Plays WeChat's side of the webhook in tests: signs requests with the account's token, encrypts
 * them in safe mode, and reads (decrypting) the passive replies. Its crypto is written here, apart
 * from the server's, from WeChat's documentation.
 */
final class WeChatClient {

  private static final AtomicLong MSG_IDS = new AtomicLong(System.currentTimeMillis() * 1000);
  private static final Pattern CONTENT =
      Pattern.compile("<Content><!\\[CDATA\\[(.*?)]]></Content>", Pattern.DOTALL);
  private static final Pattern ENCRYPT =
      Pattern.compile("<Encrypt><!\\[CDATA\\[(.*?)]]></Encrypt>");

  final String base;
  final String appId;
  final String token;
  final String aesKey; // null: plaintext mode
  final String openId;
  private final HttpClient http = HttpClient.newHttpClient();

  WeChatClient(int port, String appId, String token, String aesKey) {
    this(
        port,
        appId,
        token,
        aesKey,
        "o" + UUID.randomUUID().toString().replace("-", "").substring(0, 27));
  }

  WeChatClient(int port, String appId, String token, String aesKey, String openId) {
    this.base = "http://127.0.0.1:" + port + "/wx/portal/";
    this.appId = appId;
    this.token = token;
    this.aesKey = aesKey;
    this.openId = openId;
  }

  static long nextMsgId() {
    return MSG_IDS.incrementAndGet();
  }

  String textXml(long msgId, String text) {
    return "<xml><ToUserName><![CDATA[gh_it]]></ToUserName><FromUserName><![CDATA["
        + openId
        + "]]></FromUserName><CreateTime>"
        + Instant.now().getEpochSecond()
        + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA["
        + text
        + "]]></Content><MsgId>"
        + msgId
        + "</MsgId></xml>";
  }

  String eventXml(String event, String eventKey, long createTime) {
    return "<xml><ToUserName><![CDATA[gh_it]]></ToUserName><FromUserName><![CDATA["
        + openId
        + "]]></FromUserName><CreateTime>"
        + createTime
        + "</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA["
        + event
        + "]]></Event>"
        + (eventKey == null ? "" : "<EventKey><![CDATA[" + eventKey + "]]></EventKey>")
        + "</xml>";
  }

  String messageXml(String type, String fields) {
    return "<xml><ToUserName><![CDATA[gh_it]]></ToUserName><FromUserName><![CDATA["
        + openId
        + "]]></FromUserName><CreateTime>"
        + Instant.now().getEpochSecond()
        + "</CreateTime><MsgType><![CDATA["
        + type
        + "]]></MsgType>"
        + fields
        + "<MsgId>"
        + nextMsgId()
        + "</MsgId></xml>";
  }

  /** Says a text and returns the passive reply's content, or the raw body when not a text. */
  String say(String text) {
    return content(post(textXml(nextMsgId(), text)));
  }

  HttpResponse<String> post(String xml) {
    return post(xml, Instant.now().getEpochSecond());
  }

  HttpResponse<String> post(String xml, long timestamp) {
    String nonce = Long.toString(System.nanoTime());
    String ts = Long.toString(timestamp);
    String query =
        "?signature="
            + sha1(token, ts, nonce)
            + "&timestamp="
            + ts
            + "&nonce="
            + nonce
            + "&openid="
            + openId;
    String body = xml;
    if (aesKey != null) {
      String encrypt = encrypt(appId, xml);
      query += "&encrypt_type=aes&msg_signature=" + sha1(token, ts, nonce, encrypt);
      body =
          "<xml><ToUserName><![CDATA[gh_it]]></ToUserName><Encrypt><![CDATA["
              + encrypt
              + "]]></Encrypt></xml>";
    }
    return send(
        HttpRequest.newBuilder(URI.create(base + appId + query))
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .header("Content-Type", "text/xml"));
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The text of a passive reply (decrypted in safe mode); the body itself when not a text. */
  String content(HttpResponse<String> response) {
    String body = response.body();
    if (aesKey != null && body.contains("<Encrypt>")) {
      Matcher m = ENCRYPT.matcher(body);
      m.find();
      body = decrypt(m.group(1));
    }
    Matcher m = CONTENT.matcher(body);
    return m.find() ? m.group(1) : body;
  }

  /** The reply's XML, decrypted in safe mode. */
  String plainXml(HttpResponse<String> response) {
    String body = response.body();
    if (aesKey != null && body.contains("<Encrypt>")) {
      Matcher m = ENCRYPT.matcher(body);
      m.find();
      return decrypt(m.group(1));
    }
    return body;
  }

  static String sha1(String... parts) {
    String[] sorted = parts.clone();
    Arrays.sort(sorted);
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-1")
                  .digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  String encrypt(String forAppId, String xml) {
    byte[] key = Base64.getDecoder().decode(aesKey + "=");
    byte[] body = xml.getBytes(StandardCharsets.UTF_8);
    byte[] app = forAppId.getBytes(StandardCharsets.UTF_8);
    int length = 16 + 4 + body.length + app.length;
    int pad = 32 - length % 32;
    ByteBuffer plain = ByteBuffer.allocate(length + pad);
    plain
        .put("0123456789abcdef".getBytes(StandardCharsets.UTF_8))
        .putInt(body.length)
        .put(body)
        .put(app);
    for (int i = 0; i < pad; i++) {
      plain.put((byte) pad);
    }
    try {
      Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
      aes.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(key, "AES"),
          new IvParameterSpec(Arrays.copyOf(key, 16)));
      return Base64.getEncoder().encodeToString(aes.doFinal(plain.array()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  String decrypt(String encrypted) {
    byte[] key = Base64.getDecoder().decode(aesKey + "=");
    try {
      Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
      aes.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(key, "AES"),
          new IvParameterSpec(Arrays.copyOf(key, 16)));
      byte[] plain = aes.doFinal(Base64.getDecoder().decode(encrypted));
      int length = ByteBuffer.wrap(plain, 16, 4).getInt();
      String app =
          new String(
              plain,
              20 + length,
              plain.length - plain[plain.length - 1] - 20 - length,
              StandardCharsets.UTF_8);
      if (!app.equals(appId)) {
        throw new IllegalStateException("reply encrypted for " + app);
      }
      return new String(plain, 20, length, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
