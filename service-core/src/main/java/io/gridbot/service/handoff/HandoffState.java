package io.gridbot.service.handoff;

/** Where a handoff stands: open while {@link #QUEUED} or {@link #HELD}, closed after. */
public enum HandoffState {
  /** Waiting for an agent. */
  QUEUED,
  /** An agent holds the conversation; the robot is silent. */
  HELD,
  /** The agent gave the conversation back to the robot. */
  RELEASED,
  /** The customer stopped waiting before an agent took it. */
  LEFT;

  public boolean isOpen() {
    return this == QUEUED || this == HELD;
  }
}
