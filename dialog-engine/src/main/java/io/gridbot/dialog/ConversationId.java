package io.gridbot.dialog;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Identifies one conversation: a channel and the sender's id on that channel.
 *
 * @param channel lowercase channel name, e.g. {@code wechat}, {@code alipay}, {@code web}
 * @param senderId the sender's id on that channel (openid, Alipay user id, web session id)
 */
public record ConversationId(String channel, String senderId) {

  private static final Pattern CHANNEL = Pattern.compile("[a-z]{2,16}");
  private static final Pattern SENDER = Pattern.compile("[\\x21-\\x7e]{1,128}");

  public ConversationId {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(senderId, "senderId");
    if (!CHANNEL.matcher(channel).matches()) {
      throw new IllegalArgumentException("channel must be 2-16 lowercase letters: " + channel);
    }
    if (!SENDER.matcher(senderId).matches()) {
      throw new IllegalArgumentException(
          "sender id must be 1-128 printable ASCII characters without spaces");
    }
  }

  /** A compact key for stores, e.g. {@code web:abc123}. */
  public String key() {
    return channel + ":" + senderId;
  }

  /** The sender id with its middle hidden, for logs. */
  public String masked() {
    if (senderId.length() <= 6) {
      return channel + ":" + senderId.charAt(0) + "***";
    }
    return channel
        + ":"
        + senderId.substring(0, 3)
        + "***"
        + senderId.substring(senderId.length() - 3);
  }

  @Override
  public String toString() {
    return masked();
  }
}
