package io.gridbot.channel.alipay;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the Alipay channel, {@code gridbot.alipay.*}. The channel is on only when {@code
 * app-id} is set; then the keys and the notify URL are required. Keys are Base64 (PKCS#8 private
 * key, X.509 public key) and only ever come from the environment; {@link #toString()} hides them.
 *
 * @param appId the application's id at Alipay
 * @param appPrivateKey the application's RSA-2048 private key (PKCS#8, Base64)
 * @param alipayPublicKey Alipay's public key (X.509, Base64); never the application's own
 * @param gatewayUrl Alipay's OpenAPI gateway ({@code https://openapi.alipay.com/gateway.do})
 * @param sellerId the merchant's Alipay user id (2088...), checked in payment notifications; null
 *     to skip that check
 * @param notifyUrl where Alipay posts payment notifications ({@code .../alipay/notify})
 * @param returnUrl where the phone returns after paying, or null
 * @param menu the service window menu: click key → the text the customer is taken to have said
 * @param welcome what a new follower is told, or null for nothing
 * @param connectTimeout connect timeout of calls to Alipay
 * @param readTimeout read timeout of calls to Alipay
 * @param dedupeTtl how long a gateway message is remembered to drop redeliveries
 * @param replyWorkers threads sending replies asynchronously
 * @param reconcileAfter unpaid orders older than this are looked up at Alipay
 * @param orderExpiry unpaid orders older than this that Alipay has not seen paid are closed
 * @param reconcileBatch orders looked up per run, 1 to 1000
 * @param reconcileEnabled whether the scheduled reconciliation runs (on by default)
 * @param refundFollowAfter how long a sent refund whose money Alipay did not report moved goes
 *     without news before Alipay is asked about it ({@code alipay.trade.fastpay.refund.query});
 *     Alipay wants at least 10 seconds
 */
@ConfigurationProperties("gridbot.alipay")
record AlipaySettings(
    String appId,
    String appPrivateKey,
    String alipayPublicKey,
    String gatewayUrl,
    String sellerId,
    String notifyUrl,
    String returnUrl,
    Map<String, String> menu,
    String welcome,
    Duration connectTimeout,
    Duration readTimeout,
    Duration dedupeTtl,
    Integer replyWorkers,
    Duration reconcileAfter,
    Duration orderExpiry,
    Integer reconcileBatch,
    Boolean reconcileEnabled,
    Duration refundFollowAfter) {

  static final String DEFAULT_GATEWAY = "https://openapi.alipay.com/gateway.do";

  AlipaySettings {
    appId = blankToNull(appId);
    // keys are kept as bare base64 (PEM armour and line breaks removed), once, here
    appPrivateKey = bareKey(blankToNull(appPrivateKey));
    alipayPublicKey = bareKey(blankToNull(alipayPublicKey));
    sellerId = blankToNull(sellerId);
    notifyUrl = blankToNull(notifyUrl);
    returnUrl = blankToNull(returnUrl);
    welcome = blankToNull(welcome);
    gatewayUrl = blankToNull(gatewayUrl) == null ? DEFAULT_GATEWAY : gatewayUrl.strip();
    menu = menu == null ? Map.of() : Map.copyOf(menu);
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(3) : connectTimeout;
    readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
    dedupeTtl = dedupeTtl == null ? Duration.ofHours(1) : dedupeTtl;
    replyWorkers = replyWorkers == null ? 4 : replyWorkers;
    reconcileAfter = reconcileAfter == null ? Duration.ofMinutes(5) : reconcileAfter;
    orderExpiry = orderExpiry == null ? Duration.ofMinutes(30) : orderExpiry;
    reconcileBatch = reconcileBatch == null ? 100 : reconcileBatch;
    reconcileEnabled = reconcileEnabled == null || reconcileEnabled;
    refundFollowAfter = refundFollowAfter == null ? Duration.ofMinutes(2) : refundFollowAfter;
    if (appId != null) {
      validate(appId, appPrivateKey, alipayPublicKey, gatewayUrl, notifyUrl, returnUrl);
    }
    requirePositive("connect-timeout", connectTimeout);
    requirePositive("read-timeout", readTimeout);
    requirePositive("dedupe-ttl", dedupeTtl);
    requirePositive("reconcile-after", reconcileAfter);
    requirePositive("order-expiry", orderExpiry);
    if (refundFollowAfter.compareTo(Duration.ofSeconds(10)) < 0) {
      throw new IllegalArgumentException("gridbot.alipay.refund-follow-after must be at least 10s");
    }
    if (replyWorkers < 1 || replyWorkers > 64) {
      throw new IllegalArgumentException("gridbot.alipay.reply-workers must be 1 to 64");
    }
    if (reconcileBatch < 1 || reconcileBatch > 1000) {
      throw new IllegalArgumentException("gridbot.alipay.reconcile-batch must be 1 to 1000");
    }
    for (var item : menu.entrySet()) {
      if (item.getKey().isBlank() || item.getValue() == null || item.getValue().isBlank()) {
        throw new IllegalArgumentException("gridbot.alipay.menu entries need a key and a text");
      }
    }
  }

  /** Whether the channel is configured (an app id is set). */
  boolean enabled() {
    return appId != null;
  }

  private static void validate(
      String appId,
      String privateKey,
      String alipayPublicKey,
      String gatewayUrl,
      String notifyUrl,
      String returnUrl) {
    if (!appId.matches("[0-9]{8,32}")) {
      throw new IllegalArgumentException("gridbot.alipay.app-id must be Alipay's numeric app id");
    }
    StringBuilder missing = new StringBuilder();
    if (privateKey == null) {
      missing.append(" app-private-key (GRIDBOT_ALIPAY_APP_PRIVATE_KEY)");
    }
    if (alipayPublicKey == null) {
      missing.append(" alipay-public-key (GRIDBOT_ALIPAY_PUBLIC_KEY)");
    }
    if (notifyUrl == null) {
      missing.append(" notify-url (GRIDBOT_ALIPAY_NOTIFY_URL)");
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          "gridbot.alipay.app-id is set but these are missing:" + missing);
    }
    requireUrl("gateway-url", gatewayUrl);
    requireUrl("notify-url", notifyUrl);
    if (returnUrl != null) {
      requireUrl("return-url", returnUrl);
    }
  }

  private static void requireUrl(String name, String url) {
    if (!(url.startsWith("https://") || url.startsWith("http://"))) {
      throw new IllegalArgumentException("gridbot.alipay." + name + " must be an http(s) URL");
    }
  }

  private static void requirePositive(String name, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException("gridbot.alipay." + name + " must be positive");
    }
  }

  private static String bareKey(String key) {
    return key == null ? null : AlipayKeys.normalise(key);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  @Override
  public String toString() {
    return "AlipaySettings[appId="
        + appId
        + ", gatewayUrl="
        + gatewayUrl
        + ", sellerId="
        + sellerId
        + ", notifyUrl="
        + notifyUrl
        + ", keys=(hidden)]";
  }
}
