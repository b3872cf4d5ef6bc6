package io.gridbot.dialog.channel;

import io.gridbot.dialog.ConversationId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A message from a customer, already translated from its channel's format.
 *
 * @param conversation who sent it, on which channel
 * @param messageId the channel's id for this message, used to recognise redeliveries; may be null
 *     when the channel has none
 * @param text the message text, never null (may be empty for non-text messages)
 * @param receivedAt when the message was sent or received
 * @param location a place the customer shared with this message, or null
 * @param images references of images sent with this message (a media id, a storage key)
 */
public record UserMessage(
    ConversationId conversation,
    String messageId,
    String text,
    Instant receivedAt,
    Location location,
    List<String> images) {

  /** The longest text the engine accepts; channels must refuse longer ones. */
  public static final int MAX_TEXT_LENGTH = 2000;

  /** Images one message may carry at most. */
  public static final int MAX_IMAGES = 9;

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
    images = images == null ? List.of() : List.copyOf(images);
    if (images.size() > MAX_IMAGES) {
      throw new IllegalArgumentException("at most " + MAX_IMAGES + " images per message");
    }
    for (String image : images) {
      if (image.isBlank() || image.length() > 512) {
        throw new IllegalArgumentException("an image reference must be 1-512 characters");
      }
    }
  }

  /** A text message. */
  public UserMessage(
      ConversationId conversation, String messageId, String text, Instant receivedAt) {
    this(conversation, messageId, text, receivedAt, null, List.of());
  }
}
