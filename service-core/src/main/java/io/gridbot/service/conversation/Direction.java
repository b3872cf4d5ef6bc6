package io.gridbot.service.conversation;

/** Whether a message came from the user or went to them. */
public enum Direction {
  IN,
  OUT
}
