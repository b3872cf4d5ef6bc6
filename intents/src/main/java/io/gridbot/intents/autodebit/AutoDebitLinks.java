package io.gridbot.intents.autodebit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where customers sign auto-debit, {@code gridbot.assistant.*}.
 *
 * @param autoDebitSignUrl the signing page, an http(s) URL template with {@code {requestId}}; the
 *     app points it at the Alipay channel's {@code /alipay/autodebit/sign/{requestId}}, which opens
 *     Alipay's alipay.user.agreement.page.sign
 * @param autoDebitPlatforms the platforms that signing page signs with ({@code ALIPAY}, {@code
 *     WECHAT}); others are not offered. Alipay only unless configured: WeChat Pay's withholding is
 *     not built
 * @throws IllegalArgumentException if the URL is not http(s) or lacks {@code {requestId}}
 */
@ConfigurationProperties("gridbot.assistant")
public record AutoDebitLinks(String autoDebitSignUrl, java.util.Set<String> autoDebitPlatforms) {

  static final String REQUEST_ID = "{requestId}";

  @org.springframework.boot.context.properties.bind.ConstructorBinding
  public AutoDebitLinks {
    autoDebitPlatforms =
        autoDebitPlatforms == null || autoDebitPlatforms.isEmpty()
            ? java.util.Set.of("ALIPAY")
            : java.util.Set.copyOf(autoDebitPlatforms);
    autoDebitSignUrl =
        autoDebitSignUrl == null
            ? "https://www.95598.cn/auto-debit/sign?request=" + REQUEST_ID
            : autoDebitSignUrl;
    if (!(autoDebitSignUrl.startsWith("https://") || autoDebitSignUrl.startsWith("http://"))
        || !autoDebitSignUrl.contains(REQUEST_ID)) {
      throw new IllegalArgumentException(
          "gridbot.assistant.auto-debit-sign-url must be an http(s) URL with " + REQUEST_ID);
    }
  }

  /** A signing page on Alipay only. */
  public AutoDebitLinks(String autoDebitSignUrl) {
    this(autoDebitSignUrl, null);
  }

  /** Whether customers can sign with this platform ({@code ALIPAY}, {@code WECHAT}). */
  public boolean offers(String platform) {
    return autoDebitPlatforms.contains(platform);
  }

  /** The signing page of one request. */
  public String signUrl(String requestId) {
    return autoDebitSignUrl.replace(
        REQUEST_ID, java.net.URLEncoder.encode(requestId, java.nio.charset.StandardCharsets.UTF_8));
  }
}
