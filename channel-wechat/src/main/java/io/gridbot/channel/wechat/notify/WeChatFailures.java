package io.gridbot.channel.wechat.notify;

import io.gridbot.service.port.NotificationSender.Delivery;
import io.gridbot.service.port.NotificationSender.Outcome;
import java.util.Map;
import me.chanjar.weixin.common.error.WxError;
import me.chanjar.weixin.common.error.WxErrorException;

/**
 * How WeChat's errors turn out for a notice. Permanent: 40003 (not an openid of this account),
 * 43004 (the user unfollowed), 43019 (the user blocked the account), 45015 (outside the
 * customer-service window), 40037 (no such template), 47003 (a field WeChat refuses). Everything
 * else, notably -1 (system busy), 45047 (customer-service quota) and failed connections (WxJava's
 * -99), is worth retrying later. 45009 (daily template quota) is the sender's to handle.
 */
final class WeChatFailures {

  static final int DAILY_QUOTA = 45009;

  private static final Map<Integer, String> PERMANENT =
      Map.of(
          40003, "not an openid of this account",
          43004, "the user does not follow the account",
          43019, "the user blocked the account",
          45015, "outside the 48 h customer-service window",
          40037, "no such template",
          47003, "a field value WeChat refuses");
  private static final int MAX_DETAIL = 200;
  private static final java.util.regex.Pattern SECRETS =
      java.util.regex.Pattern.compile("((?:access_token|secret)=)[^&\\s]*");

  private WeChatFailures() {}

  static int code(WxErrorException e) {
    WxError error = e.getError();
    return error == null ? -99 : error.getErrorCode();
  }

  static Delivery of(WxErrorException e) {
    int code = code(e);
    String reason = PERMANENT.get(code);
    if (reason != null) {
      return new Delivery(Outcome.FAILED, detail(code, reason));
    }
    if (code == -99) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return new Delivery(
          Outcome.RETRY, detail(code, "WeChat unreachable: " + cause.getClass().getSimpleName()));
    }
    WxError error = e.getError();
    String message = error == null || error.getErrorMsg() == null ? "" : error.getErrorMsg();
    return new Delivery(Outcome.RETRY, detail(code, message));
  }

  /** A call that failed outside WeChat's answers (token refresh I/O, WxJava's own errors). */
  static Delivery of(RuntimeException e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String name =
        root == e
            ? e.getClass().getSimpleName()
            : e.getClass().getSimpleName() + " (" + root.getClass().getSimpleName() + ")";
    String message =
        e.getMessage() == null ? "" : ": " + SECRETS.matcher(e.getMessage()).replaceAll("$1***");
    String text = "wechat call failed: " + name + message;
    return new Delivery(
        Outcome.RETRY, text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL));
  }

  static String detail(int code, String message) {
    String text = "wechat " + code + (message.isBlank() ? "" : ": " + message.strip());
    return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL);
  }
}
