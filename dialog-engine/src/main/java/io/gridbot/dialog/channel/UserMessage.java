package io.gridbot.dialog.channel;

import io.gridbot.dialog.ConversationId;
import java.time.Instant;
import java.util.Objects;

/**
 * A message from a customer, already translated from its channel's format.
 *
 * @param conversation who sent it, on which channel
 * @param messageId the channel's id for this message, used to recognise redeliveries; may be null
 *     when the channel has none
 * @param text the message text, never null (may be empty for non-text messages)
 * @param receivedAt when the message was sent or received
 */
public record UserMessage(
    ConversationId conversation, String messageId, String text, Instant receivedAt) {

  /** The longest text the engine accepts; channels must refuse longer ones. */
  public static final int MAX_TEXT_LENGTH = 2000;

  public UserMessage {
    Objects.requireNonNull(conversation, "conversation");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(receivedAt, "receivedAt");
    if (text.length() > MAX_TEXT_LENGTH) {
      throw new IllegalArgumentException("text longer than " + MAX_TEXT_LENGTH + " characters");
    }
    if (messageId != null && (messageId.isBlank() || messageId.length() > 128)) {
      throw new IllegalArgumentException("message id must be 1-128 characters");
    }
  }
}
