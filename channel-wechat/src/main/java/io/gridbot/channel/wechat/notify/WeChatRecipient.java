package io.gridbot.channel.wechat.notify;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A WeChat user as the channel names them, {@code <appid>:<openid>}: the official account they
 * follow and their openid in it.
 */
record WeChatRecipient(String appId, String openId) {

  private static final Pattern APP_ID = Pattern.compile("wx[0-9a-zA-Z]{6,30}");
  private static final Pattern OPEN_ID = Pattern.compile("[A-Za-z0-9_-]{6,64}");

  WeChatRecipient {
    if (appId == null || !APP_ID.matcher(appId).matches()) {
      throw new IllegalArgumentException("not a WeChat appid: " + appId);
    }
    if (openId == null || !OPEN_ID.matcher(openId).matches()) {
      throw new IllegalArgumentException("not a WeChat openid");
    }
  }

  /** The recipient a channel user id names, or empty if it is not {@code <appid>:<openid>}. */
  static Optional<WeChatRecipient> parse(String userId) {
    int colon = userId == null ? -1 : userId.indexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    String appId = userId.substring(0, colon);
    String openId = userId.substring(colon + 1);
    if (!APP_ID.matcher(appId).matches() || !OPEN_ID.matcher(openId).matches()) {
      return Optional.empty();
    }
    return Optional.of(new WeChatRecipient(appId, openId));
  }

  /** The openid with its middle hidden, for logs: {@code oAbC***wxYz}. */
  String maskedOpenId() {
    return openId.length() <= 8
        ? "***"
        : openId.substring(0, 4) + "***" + openId.substring(openId.length() - 4);
  }

  @Override
  public String toString() {
    return appId + ":" + maskedOpenId();
  }
}
