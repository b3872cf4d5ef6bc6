package io.gridbot.dialog.handoff;

import io.gridbot.dialog.ConversationId;

/**
 * The human agents' side of a conversation, as the engine sees it: whether a conversation waits for
 * an agent or is held by one. While an agent holds it, the robot stays silent and the customer's
 * messages are for the agent (they reach the agent through the conversation log). Implemented
 * outside the engine (the business keeps the queue); agents claim, answer and release through the
 * staff API.
 */
public interface HandoffDesk {

  /** Where a conversation stands with the agents. */
  enum Status {
    /** The robot answers. */
    NONE,
    /** Waiting for an agent; the robot still answers meanwhile. */
    QUEUED,
    /** An agent holds it; the robot is silent. */
    HELD
  }

  Status status(ConversationId conversation);

  /**
   * Puts the conversation in the agent queue; does nothing when it is already queued or held.
   *
   * @param reason why, e.g. {@code asked}, {@code fallback}, {@code form_give_up}
   * @param lastText the customer's latest message, for the agent's queue view
   */
  void enqueue(ConversationId conversation, String reason, String lastText);

  /** Takes a waiting conversation out of the queue (the customer no longer wants an agent). */
  void leave(ConversationId conversation);
}
