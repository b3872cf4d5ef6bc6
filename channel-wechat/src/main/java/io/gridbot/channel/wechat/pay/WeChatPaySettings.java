package io.gridbot.channel.wechat.pay;

import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of WeChat Pay (API v3, JSAPI), {@code gridbot.wechat.pay.*}. Off unless {@code enabled};
 * when enabled every required setting is checked at start and the problems are named together.
 * Secrets (API v3 key, merchant private key) come from the environment and never appear in {@link
 * #toString()}.
 *
 * <p>Responses and notifications are verified with WeChat Pay's platform public key (the "public
 * key" mode: {@code platform-public-key} and its {@code platform-public-key-id}, {@code
 * PUB_KEY_ID_...}), so no platform certificate is downloaded.
 *
 * @param enabled whether WeChat Pay is on (payment page, notify endpoint, reconciliation)
 * @param mchId the merchant number (商户号)
 * @param appId the official account the payments belong to; must be one of {@code
 *     gridbot.wechat.accounts}
 * @param apiV3Key the 32-character API v3 key, which decrypts notifications
 * @param merchantPrivateKey the merchant API private key, PKCS#8 PEM ({@code apiclient_key.pem})
 * @param merchantSerialNo the serial number of the merchant API certificate
 * @param platformPublicKey WeChat Pay's public key, PEM ({@code pub_key.pem})
 * @param platformPublicKeyId its id, {@code PUB_KEY_ID_...}
 * @param payBaseUrl the pay host, {@code https://api.mch.weixin.qq.com} unless pointed elsewhere
 * @param notifyUrl where WeChat Pay posts notifications: this server's {@code /wx/pay/notify}
 * @param pageBaseUrl this server's public address, for the payment page's OAuth2 return
 * @param description the goods description of every order (商品描述)
 * @param unpaidAfter how long an order stays unpaid before reconciliation asks WeChat Pay about it
 * @param expireAfter how long an order can be paid (its {@code time_expire}); reconciliation closes
 *     it after that. Keep it below the ledger's own 30-minute close of unpaid orders
 * @param reconcileEvery the pause between reconciliation runs
 * @param maxClockSkew the oldest (and furthest in the future) a notification's timestamp may be
 * @param maxBodyBytes the largest notification body accepted
 * @param connectTimeout connection timeout of calls to the pay host
 * @param readTimeout read timeout of calls to the pay host
 * @param httpProxy an HTTP proxy for calls to the pay host, e.g. {@code http://proxy:3128}; null
 *     for none. WxJava only signs requests and verifies answers for hosts ending in {@code
 *     .mch.weixin.qq.com}, so a stand-in pay host (tests) is reached through this proxy under the
 *     real host name rather than by changing {@code pay-base-url}
 * @param refundNotifyUrl where WeChat Pay posts refund notifications: this server's {@code
 *     /wx/pay/refund-notify}, sent as every refund's {@code notify_url}; null to send none (WeChat
 *     Pay then uses the merchant platform's, if set there)
 * @param refundFollowAfter how long a sent refund goes without news before WeChat Pay is asked
 *     about it (and again after each answer that it is still processing); at least one minute
 */
@ConfigurationProperties("gridbot.wechat.pay")
public record WeChatPaySettings(
    boolean enabled,
    String mchId,
    String appId,
    String apiV3Key,
    String merchantPrivateKey,
    String merchantSerialNo,
    String platformPublicKey,
    String platformPublicKeyId,
    String payBaseUrl,
    String notifyUrl,
    String pageBaseUrl,
    String description,
    Duration unpaidAfter,
    Duration expireAfter,
    Duration reconcileEvery,
    Duration maxClockSkew,
    Integer maxBodyBytes,
    Duration connectTimeout,
    Duration readTimeout,
    String httpProxy,
    String refundNotifyUrl,
    Duration refundFollowAfter) {

  static final String DEFAULT_PAY_BASE_URL = "https://api.mch.weixin.qq.com";
  private static final Pattern MCH_ID = Pattern.compile("[0-9]{8,12}");
  private static final Pattern APP_ID = Pattern.compile("wx[0-9a-zA-Z]{6,30}");

  public WeChatPaySettings {
    mchId = blankToNull(mchId);
    appId = blankToNull(appId);
    apiV3Key = blankToNull(apiV3Key);
    merchantPrivateKey = blankToNull(merchantPrivateKey);
    merchantSerialNo = blankToNull(merchantSerialNo);
    platformPublicKey = blankToNull(platformPublicKey);
    platformPublicKeyId = blankToNull(platformPublicKeyId);
    payBaseUrl = stripSlash(blankToNull(payBaseUrl) == null ? DEFAULT_PAY_BASE_URL : payBaseUrl);
    notifyUrl = blankToNull(notifyUrl);
    pageBaseUrl = blankToNull(pageBaseUrl) == null ? null : stripSlash(pageBaseUrl.strip());
    description = blankToNull(description) == null ? "电费缴纳" : description.strip();
    unpaidAfter = unpaidAfter == null ? Duration.ofMinutes(5) : unpaidAfter;
    expireAfter = expireAfter == null ? Duration.ofMinutes(15) : expireAfter;
    reconcileEvery = reconcileEvery == null ? Duration.ofMinutes(3) : reconcileEvery;
    maxClockSkew = maxClockSkew == null ? Duration.ofMinutes(5) : maxClockSkew;
    maxBodyBytes = maxBodyBytes == null ? 64 * 1024 : maxBodyBytes;
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
    readTimeout = readTimeout == null ? Duration.ofSeconds(5) : readTimeout;
    httpProxy = blankToNull(httpProxy) == null ? null : stripSlash(httpProxy.strip());
    refundNotifyUrl = blankToNull(refundNotifyUrl) == null ? null : refundNotifyUrl.strip();
    refundFollowAfter = refundFollowAfter == null ? Duration.ofMinutes(10) : refundFollowAfter;
    if (enabled) {
      List<String> problems = new ArrayList<>();
      check(problems, mchId != null && MCH_ID.matcher(mchId).matches(), "mch-id (digits)");
      check(problems, appId != null && APP_ID.matcher(appId).matches(), "app-id (wx...)");
      check(problems, apiV3Key != null && apiV3Key.length() == 32, "api-v3-key (32 characters)");
      check(
          problems,
          merchantPrivateKey != null && canRead(merchantPrivateKey, true),
          "merchant-private-key (PKCS#8 PEM)");
      check(problems, merchantSerialNo != null, "merchant-serial-no");
      check(
          problems,
          platformPublicKey != null && canRead(platformPublicKey, false),
          "platform-public-key (PEM)");
      check(problems, platformPublicKeyId != null, "platform-public-key-id (PUB_KEY_ID_...)");
      check(problems, isHttpUrl(notifyUrl), "notify-url (http(s) URL)");
      check(problems, isHttpUrl(pageBaseUrl), "page-base-url (http(s) URL)");
      check(problems, isHttpUrl(payBaseUrl), "pay-base-url (http(s) URL)");
      check(
          problems,
          !unpaidAfter.isNegative() && expireAfter.compareTo(Duration.ofMinutes(1)) >= 0,
          "unpaid-after >= 0 and expire-after >= 1 minute");
      check(problems, httpProxy == null || isHttpUrl(httpProxy), "http-proxy (http://host:port)");
      check(problems, maxBodyBytes >= 1024, "max-body-bytes (at least 1024)");
      check(
          problems,
          refundNotifyUrl == null || isHttpUrl(refundNotifyUrl),
          "refund-notify-url (http(s) URL)");
      check(
          problems,
          refundFollowAfter.compareTo(Duration.ofMinutes(1)) >= 0,
          "refund-follow-after (at least 1 minute)");
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException(
            "gridbot.wechat.pay is enabled but these settings are missing or invalid: "
                + String.join(", ", problems));
      }
    }
  }

  /** WeChat Pay switched off. */
  public static WeChatPaySettings disabled() {
    return new WeChatPaySettings(
        false, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null);
  }

  /** The merchant private key. */
  PrivateKey privateKey() {
    return privateKey(merchantPrivateKey);
  }

  /** WeChat Pay's platform public key. */
  PublicKey platformKey() {
    return publicKey(platformPublicKey);
  }

  static PrivateKey privateKey(String pem) {
    try {
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(pem)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalArgumentException("not an RSA private key in PKCS#8 PEM", e);
    }
  }

  static PublicKey publicKey(String pem) {
    try {
      return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(pem)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalArgumentException("not an RSA public key in PEM", e);
    }
  }

  private static byte[] der(String pem) {
    String base64 = pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
    return Base64.getDecoder().decode(base64);
  }

  private static boolean canRead(String pem, boolean isPrivate) {
    try {
      if (isPrivate) {
        privateKey(pem);
      } else {
        publicKey(pem);
      }
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static void check(List<String> problems, boolean ok, String what) {
    if (!ok) {
      problems.add(what);
    }
  }

  private static boolean isHttpUrl(String url) {
    return url != null && (url.startsWith("https://") || url.startsWith("http://"));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  @Override
  public String toString() {
    return "WeChatPaySettings[enabled="
        + enabled
        + ", mchId="
        + mchId
        + ", appId="
        + appId
        + ", apiV3Key=***, merchantPrivateKey=***, merchantSerialNo="
        + merchantSerialNo
        + ", platformPublicKeyId="
        + platformPublicKeyId
        + ", payBaseUrl="
        + payBaseUrl
        + ", notifyUrl="
        + notifyUrl
        + ", pageBaseUrl="
        + pageBaseUrl
        + ", unpaidAfter="
        + unpaidAfter
        + ", expireAfter="
        + expireAfter
        + ", refundNotifyUrl="
        + refundNotifyUrl
        + ", refundFollowAfter="
        + refundFollowAfter
        + "]";
  }
}
