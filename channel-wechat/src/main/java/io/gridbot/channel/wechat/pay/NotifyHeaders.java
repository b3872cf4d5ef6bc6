package io.gridbot.channel.wechat.pay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checks every WeChat Pay notification passes before its signature is verified: the four
 * signature headers are present (WxJava skips verification without them) and the timestamp is
 * within the allowed skew of now (WxJava never checks it), so that an old notification cannot be
 * replayed.
 */
final class NotifyHeaders {

  private static final Logger log = LoggerFactory.getLogger(NotifyHeaders.class);

  private NotifyHeaders() {}

  /**
   * @throws NotifyRefused (401) when a header is missing or the timestamp is not a number, too old
   *     or in the future
   */
  static void check(
      String timestamp,
      String nonce,
      String signature,
      String serial,
      Clock clock,
      Duration maxSkew) {
    if (blank(timestamp) || blank(nonce) || blank(signature) || blank(serial)) {
      throw new NotifyRefused(401, "signature headers missing");
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.strip());
    } catch (NumberFormatException e) {
      throw new NotifyRefused(401, "timestamp is not a number");
    }
    Duration age = Duration.between(Instant.ofEpochSecond(seconds), clock.instant());
    if (age.abs().compareTo(maxSkew) > 0) {
      log.warn("WeChat Pay notify refused: timestamp {} is {} off", seconds, age);
      throw new NotifyRefused(401, "timestamp too old or in the future");
    }
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
