package io.gridbot.channel.web;

import java.util.regex.Pattern;

/**
 * A message from the web robot chat.
 *
 * @param sessionId the chat session, chosen by the page (e.g. a UUID): 8-64 of {@code
 *     [A-Za-z0-9_-]}
 * @param text what the customer typed, 1-{@value #MAX_TEXT} characters
 * @param messageId optional id of this message, so that a retried request gets the same answer
 */
record RobotRequest(String sessionId, String text, String messageId) {

  static final int MAX_TEXT = 1000;
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");

  /** Checks the fields; throws {@link InvalidRobotRequest} naming the first bad one. */
  void validate() {
    validateSessionId(sessionId);
    if (text == null || text.isBlank()) {
      throw new InvalidRobotRequest("text", "is required and must not be blank");
    }
    if (text.length() > MAX_TEXT) {
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
