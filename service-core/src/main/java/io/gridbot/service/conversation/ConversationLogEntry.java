package io.gridbot.service.conversation;

import io.gridbot.service.account.ChannelUser;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One message of a conversation as it is kept in the log.
 *
 * @param channel the channel of the user the conversation is with; see {@link ChannelUser}
 * @param channelUserId the channel's id of that user; see {@link ChannelUser}
 * @param messageId the channel's message id; null for messages without one (most replies)
 * @param text the message text, cut to {@value #MAX_TEXT_LENGTH} characters
 * @param intent the recognised intent of an incoming message, at most 128 characters; null if none
 * @param confidence the classifier's confidence, 0 to 1, rounded to 4 decimals; null if none
 * @param at when the message was received or sent, truncated to milliseconds
 * @throws NullPointerException if direction, text or at is null
 * @throws IllegalArgumentException if the channel user is malformed, an id is too long or the
 *     confidence is out of range
 */
public record ConversationLogEntry(
    String channel,
    String channelUserId,
    Direction direction,
    String messageId,
    String text,
    String intent,
    BigDecimal confidence,
    Instant at) {

  public static final int MAX_TEXT_LENGTH = 2000;
  private static final int MAX_ID_LENGTH = 128;

  public ConversationLogEntry {
    new ChannelUser(channel, channelUserId); // validates both
    Objects.requireNonNull(direction, "direction");
    requireLength(messageId, "messageId");
    text = truncate(Objects.requireNonNull(text, "text"));
    requireLength(intent, "intent");
    confidence = confidence == null ? null : probability(confidence);
    at = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MILLIS);
  }

  /** An entry for this channel user. */
  public static ConversationLogEntry of(
      ChannelUser user,
      Direction direction,
      String messageId,
      String text,
      String intent,
      BigDecimal confidence,
      Instant at) {
    return new ConversationLogEntry(
        user.channel(), user.userId(), direction, messageId, text, intent, confidence, at);
  }

  private static String truncate(String text) {
    if (text.length() <= MAX_TEXT_LENGTH) {
      return text;
    }
    int end = MAX_TEXT_LENGTH;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--; // never keep half of an emoji
    }
    return text.substring(0, end);
  }

  private static void requireLength(String id, String name) {
    if (id != null && id.length() > MAX_ID_LENGTH) {
      throw new IllegalArgumentException(
          name + " must be at most " + MAX_ID_LENGTH + " characters, got " + id.length());
    }
  }

  private static BigDecimal probability(BigDecimal confidence) {
    if (confidence.signum() < 0 || confidence.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException("confidence must be between 0 and 1, got " + confidence);
    }
    return confidence.setScale(4, RoundingMode.HALF_UP);
  }
}
