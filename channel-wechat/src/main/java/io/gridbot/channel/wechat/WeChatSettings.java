package io.gridbot.channel.wechat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the WeChat official account channel, {@code gridbot.wechat.*}. Secrets come from the
 * environment and never appear in {@link #toString()}.
 *
 * @param accounts the official accounts served; empty disables the webhook (every appid is a 404)
 * @param apiBaseUrl WeChat's API host, {@code https://api.weixin.qq.com} unless pointed elsewhere
 *     (a stand-in in tests)
 * @param replyBudget how long a webhook request waits for the engine before answering {@code
 *     success} and sending the reply as a customer-service message
 * @param dedupeTtl how long a delivered message id is remembered (longer than WeChat's retries)
 * @param maxClockSkew the oldest (and furthest in the future) a signed timestamp may be
 * @param maxBodyBytes the largest webhook body accepted
 * @param connectTimeout connection timeout of calls to WeChat
 * @param readTimeout read timeout of calls to WeChat
 * @param locationTtl how long a user's reported location (LOCATION event) is remembered
 * @param menuKeys CLICK menu and QR scene keys and the text each stands for (e.g. {@code PAY_BILL}
 *     → {@code 交电费}), over the menu file's own (see {@code WeChatMenu})
 * @param templates notice kinds ({@code progress}, {@code payment} ...) and their template messages
 * @param welcome what a new follower is told; a default lists what the assistant can do
 */
@ConfigurationProperties("gridbot.wechat")
public record WeChatSettings(
    List<Account> accounts,
    String apiBaseUrl,
    Duration replyBudget,
    Duration dedupeTtl,
    Duration maxClockSkew,
    Integer maxBodyBytes,
    Duration connectTimeout,
    Duration readTimeout,
    Duration locationTtl,
    Map<String, String> menuKeys,
    Map<String, Template> templates,
    String welcome) {

  private static final Pattern APP_ID = Pattern.compile("wx[0-9a-zA-Z]{6,30}");

  public WeChatSettings {
    accounts = accounts == null ? List.of() : List.copyOf(accounts);
    apiBaseUrl = apiBaseUrl == null || apiBaseUrl.isBlank() ? null : stripSlash(apiBaseUrl);
    replyBudget = replyBudget == null ? Duration.ofSeconds(4) : replyBudget;
    dedupeTtl = dedupeTtl == null ? Duration.ofMinutes(5) : dedupeTtl;
    maxClockSkew = maxClockSkew == null ? Duration.ofMinutes(5) : maxClockSkew;
    maxBodyBytes = maxBodyBytes == null ? 64 * 1024 : maxBodyBytes;
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
    readTimeout = readTimeout == null ? Duration.ofSeconds(5) : readTimeout;
    locationTtl = locationTtl == null ? Duration.ofMinutes(30) : locationTtl;
    menuKeys = menuKeys == null ? Map.of() : Map.copyOf(menuKeys);
    templates = templates == null ? Map.of() : Map.copyOf(templates);
    welcome = welcome == null || welcome.isBlank() ? WeChatInbound.WELCOME : welcome;
    if (replyBudget.isNegative() || replyBudget.compareTo(Duration.ofMillis(4500)) > 0) {
      throw new IllegalArgumentException(
          "gridbot.wechat.reply-budget must be 0 to 4.5 s (WeChat waits 5 s)");
    }
    if (dedupeTtl.compareTo(Duration.ofSeconds(30)) < 0) {
      throw new IllegalArgumentException(
          "gridbot.wechat.dedupe-ttl must outlast WeChat's retries (at least 30 s)");
    }
    if (maxBodyBytes < 1024) {
      throw new IllegalArgumentException("gridbot.wechat.max-body-bytes must be at least 1024");
    }
    long distinct = accounts.stream().map(Account::appId).distinct().count();
    if (distinct != accounts.size()) {
      throw new IllegalArgumentException("gridbot.wechat.accounts has an app-id twice");
    }
  }

  /** The defaults: no account. */
  public static WeChatSettings defaults() {
    return new WeChatSettings(
        null, null, null, null, null, null, null, null, null, null, null, null);
  }

  /** These accounts, their API at {@code apiBaseUrl} (null for WeChat's), defaults otherwise. */
  public static WeChatSettings of(List<Account> accounts, String apiBaseUrl) {
    return new WeChatSettings(
        accounts, apiBaseUrl, null, null, null, null, null, null, null, null, null, null);
  }

  /** The API host calls go to. */
  public String apiHost() {
    return apiBaseUrl == null ? "https://api.weixin.qq.com" : apiBaseUrl;
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /**
   * One official account.
   *
   * @param appId the account's AppID, e.g. {@code wx1234567890abcdef}
   * @param secret its AppSecret, for access tokens
   * @param token the token WeChat signs webhook requests with
   * @param aesKey the 43-character EncodingAESKey; empty or null means plaintext mode only
   */
  public record Account(String appId, String secret, String token, String aesKey) {

    public Account {
      if (appId == null || !APP_ID.matcher(appId).matches()) {
        throw new IllegalArgumentException("a WeChat app-id looks like wx followed by letters");
      }
      if (token == null || token.isBlank()) {
        throw new IllegalArgumentException("gridbot.wechat.accounts[].token is required");
      }
      secret = secret == null ? "" : secret;
      aesKey = aesKey == null || aesKey.isBlank() ? null : aesKey.strip();
      if (aesKey != null && aesKey.length() != 43) {
        throw new IllegalArgumentException("an EncodingAESKey has 43 characters");
      }
    }

    /** Whether safe (AES) mode is configured. */
    public boolean encrypted() {
      return aesKey != null;
    }

    @Override
    public String toString() {
      return "Account[appId=" + appId + ", secret=***, token=***, aesKey=***]";
    }
  }

  /**
   * A template message.
   *
   * @param templateId the template's id in the account's template library
   * @param fields template field → what fills it: a key of the notice's data, or {@code title} /
   *     {@code text} for the notice's title and text
   * @param url the page the message opens, {@code {key}} placeholders filled from the notice's
   *     data; null for none
   */
  public record Template(String templateId, Map<String, String> fields, String url) {
    public Template {
      Objects.requireNonNull(templateId, "templateId");
      fields = fields == null ? Map.of() : Map.copyOf(fields);
    }
  }
}
