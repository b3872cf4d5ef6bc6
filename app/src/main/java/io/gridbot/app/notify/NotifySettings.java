package io.gridbot.app.notify;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SMS and e-mail notice senders, {@code gridbot.notify.*}. Both are off by default; a sender
 * that is enabled must be fully configured or the application does not start.
 *
 * @param sms the HTTP SMS gateway
 * @param email the e-mail sender (SMTP itself is {@code spring.mail.*})
 */
@ConfigurationProperties("gridbot.notify")
record NotifySettings(@DefaultValue Sms sms, @DefaultValue Email email) {

  /**
   * The SMS gateway (see {@link SmsNotificationSender} for the protocol).
   *
   * @param enabled whether notices go out by SMS (channel {@code sms})
   * @param baseUrl the gateway, e.g. {@code https://sms.example.com/v1}; the sender posts to {@code
   *     <baseUrl>/sms/send}
   * @param appKey this application's key at the gateway (sent in a header; not a secret)
   * @param secret the HMAC-SHA256 key shared with the gateway; only from {@code
   *     GRIDBOT_SMS_SECRET}, never printed
   * @param sign the registered SMS signature without brackets, e.g. {@code 国网电力}; texts start with
   *     {@code 【sign】}
   * @param maxLength the longest text sent, signature included, in characters (code points)
   * @param connectTimeout the longest wait for a connection to the gateway
   * @param readTimeout the longest wait for the gateway's answer
   */
  record Sms(
      @DefaultValue("false") boolean enabled,
      @DefaultValue("") String baseUrl,
      @DefaultValue("") String appKey,
      @DefaultValue("") String secret,
      @DefaultValue("国网电力") String sign,
      @DefaultValue("300") int maxLength,
      @DefaultValue("2s") Duration connectTimeout,
      @DefaultValue("5s") Duration readTimeout) {

    Sms {
      baseUrl = baseUrl == null ? "" : baseUrl.strip();
      appKey = appKey == null ? "" : appKey.strip();
      secret = secret == null ? "" : secret;
      sign = sign == null ? "" : sign.strip();
      if (enabled) {
        List<String> problems = new ArrayList<>();
        if (!isHttpUrl(baseUrl)) {
          problems.add("base-url must be an http(s) URL, got '" + baseUrl + "'");
        }
        if (appKey.isEmpty()) {
          problems.add("app-key is required");
        }
        if (secret.isBlank()) {
          problems.add("secret is required (environment variable GRIDBOT_SMS_SECRET)");
        }
        if (sign.isEmpty() || sign.length() > 16 || sign.contains("【") || sign.contains("】")) {
          problems.add("sign must be 1-16 characters without 【】, got '" + sign + "'");
        }
        if (maxLength < sign.length() + 3 || maxLength > 1000) {
          problems.add("max-length must leave room for the text and be at most 1000");
        }
        if (!positive(connectTimeout) || !positive(readTimeout)) {
          problems.add("connect-timeout and read-timeout must be positive");
        }
        if (!problems.isEmpty()) {
          throw new IllegalArgumentException("gridbot.notify.sms: " + String.join("; ", problems));
        }
      }
    }

    /** The signature as it starts every text. */
    String bracketedSign() {
      return "【" + sign + "】";
    }

    @Override
    public String toString() {
      return "Sms[enabled="
          + enabled
          + ", baseUrl="
          + baseUrl
          + ", appKey="
          + appKey
          + ", secret="
          + (secret.isEmpty() ? "(none)" : "(set)")
          + ", sign="
          + sign
          + ", maxLength="
          + maxLength
          + ", connectTimeout="
          + connectTimeout
          + ", readTimeout="
          + readTimeout
          + "]";
    }

    private static boolean isHttpUrl(String url) {
      try {
        URI uri = new URI(url);
        return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
            && uri.getHost() != null;
      } catch (java.net.URISyntaxException e) {
        return false;
      }
    }

    private static boolean positive(Duration duration) {
      return duration != null && !duration.isNegative() && !duration.isZero();
    }
  }

  /**
   * The e-mail sender.
   *
   * @param enabled whether notices go out by e-mail (channel {@code email}); needs {@code
   *     spring.mail.host}
   * @param from the sender address, e.g. {@code 95598@notice.example.com} or {@code 国网电力
   *     <95598@notice.example.com>}
   */
  record Email(@DefaultValue("false") boolean enabled, @DefaultValue("") String from) {

    Email {
      from = from == null ? "" : from.strip();
      if (enabled) {
        try {
          new InternetAddress(from, true).validate();
        } catch (AddressException e) {
          throw new IllegalArgumentException(
              "gridbot.notify.email.from must be an e-mail address, got '" + from + "'");
        }
      }
    }
  }
}
