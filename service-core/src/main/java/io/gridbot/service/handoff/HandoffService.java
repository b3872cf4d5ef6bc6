package io.gridbot.service.handoff;

import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.outage.StaffId;
import java.util.List;
import java.util.Optional;

/**
 * The queue of conversations waiting for a human agent, and the agents' hold on them. A
 * conversation has at most one open (queued or held) handoff at a time; the database enforces it.
 */
public interface HandoffService {

  /** The conversation's open handoff, if any. */
  Optional<Handoff> open(ChannelUser user);

  /** The state of the conversation's open handoff, or empty when it has none. */
  default Optional<HandoffState> status(ChannelUser user) {
    return open(user).map(Handoff::state);
  }

  /**
   * Queues the conversation for an agent; when it already has an open handoff, returns that one
   * unchanged (also under concurrent calls).
   *
   * @param reason 1 to 32 characters, e.g. {@code asked}
   * @param lastText the customer's latest message, may be null; digit runs are masked and the text
   *     cut to {@value DefaultHandoffService#MAX_LAST_TEXT} characters
   */
  Handoff enqueue(ChannelUser user, String reason, String lastText);

  /** The customer stops waiting: a queued handoff becomes LEFT. A held one or none is untouched. */
  void leave(ChannelUser user);

  /**
   * The waiting handoffs, oldest first, numbered from 1.
   *
   * @param limit 1 to 500
   */
  List<QueuedHandoff> queue(int limit);

  /**
   * The agent takes a waiting handoff. Of agents racing for one, exactly one wins. Claiming again a
   * handoff one already holds returns it.
   *
   * @throws HandoffNotFound if there is no such handoff
   * @throws HandoffAlreadyTaken if it is held by another agent or closed
   */
  Handoff claim(long id, StaffId staff);

  /**
   * The handoff, checked to be held by {@code staff}.
   *
   * @throws HandoffNotFound if there is no such handoff
   * @throws HandoffNotHeldByStaff if it is not held by {@code staff}
   */
  Handoff heldBy(long id, StaffId staff);

  /**
   * The holding agent gives the conversation back to the robot.
   *
   * @throws HandoffNotFound if there is no such handoff
   * @throws HandoffNotHeldByStaff if it is not held by {@code staff}
   */
  Handoff release(long id, StaffId staff);

  Optional<Handoff> find(long id);
}
