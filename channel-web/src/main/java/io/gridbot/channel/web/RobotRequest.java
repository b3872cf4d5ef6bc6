package io.gridbot.channel.web;

import io.gridbot.dialog.channel.Location;
import java.util.regex.Pattern;

/**
 * A message from the web robot chat.
 *
 * @param sessionId the chat session, chosen by the page (e.g. a UUID): 8-64 of {@code
 *     [A-Za-z0-9_-]}
 * @param text what the customer typed, 1-{@value #MAX_TEXT} characters
 * @param messageId optional id of this message, so that a retried request gets the same answer
 * @param location optional place the customer shares (the browser's position, e.g. for a fault
 *     report); the text may then be empty
 * @param images optional references of photos uploaded before ({@code POST /api/robot/photos}), at
 *     most {@value io.gridbot.dialog.channel.UserMessage#MAX_IMAGES}; the text may then be empty
 */
record RobotRequest(
    String sessionId,
    String text,
    String messageId,
    SharedLocation location,
    java.util.List<String> images) {

  /** A place shared from the page: degrees, and an optional label of at most 255 characters. */
  record SharedLocation(Double latitude, Double longitude, String label) {}

  static final int MAX_TEXT = 1000;

  /** A text message, without a location. */
  RobotRequest(String sessionId, String text, String messageId) {
    this(sessionId, text, messageId, null, null);
  }

  /** The photos' references, never null. */
  java.util.List<String> photos() {
    return images == null ? java.util.List.of() : images;
  }

  /** The shared place, if any. */
  Location place() {
    return location == null
        ? null
        : new Location(location.latitude(), location.longitude(), location.label());
  }

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");

  /** Checks the fields; throws {@link InvalidRobotRequest} naming the first bad one. */
  void validate() {
    validateSessionId(sessionId);
    if (location != null) {
      if (location.latitude() == null
          || location.longitude() == null
          || !(Math.abs(location.latitude()) <= 90)
          || !(Math.abs(location.longitude()) <= 180)) {
        throw new InvalidRobotRequest("location", "needs latitude -90..90 and longitude -180..180");
      }
      if (location.label() != null && location.label().length() > 255) {
        throw new InvalidRobotRequest("location.label", "must be at most 255 characters");
      }
    }
    if (photos().size() > io.gridbot.dialog.channel.UserMessage.MAX_IMAGES) {
      throw new InvalidRobotRequest(
          "images", "must be at most " + io.gridbot.dialog.channel.UserMessage.MAX_IMAGES);
    }
    if ((text == null || text.isBlank()) && location == null && photos().isEmpty()) {
      throw new InvalidRobotRequest("text", "is required and must not be blank");
    }
    if (text != null && text.length() > MAX_TEXT) {
      throw new InvalidRobotRequest("text", "must be at most " + MAX_TEXT + " characters");
    }
    if (messageId != null && !ID.matcher(messageId).matches()) {
      throw new InvalidRobotRequest("messageId", "must be 8-64 letters, digits, '-' or '_'");
    }
  }

  /** Checks a chat session id; throws {@link InvalidRobotRequest} when it is missing or bad. */
  static void validateSessionId(String sessionId) {
    if (sessionId == null || sessionId.isBlank()) {
      throw new InvalidRobotRequest("sessionId", "is required");
    }
    if (!ID.matcher(sessionId).matches()) {
      throw new InvalidRobotRequest("sessionId", "must be 8-64 letters, digits, '-' or '_'");
    }
  }
}
