package io.gridbot.service.handoff;

import io.gridbot.service.account.ChannelUser;
import java.time.Instant;
import java.util.Objects;

/**
 * A conversation handed from the robot to the human agents.
 *
 * @param id the handoff's id
 * @param channel the customer's channel; see {@link ChannelUser}
 * @param channelUserId the customer's id on that channel
 * @param state where it stands
 * @param reason why it was queued, e.g. {@code asked}, {@code fallback}
 * @param lastText the customer's message that queued it, digits masked; null if none
 * @param agent the staff id of the agent who claimed it; null before a claim
 * @param queuedAt when it was queued
 * @param claimedAt when an agent claimed it; null before
 * @param closedAt when it was released or left; null while open
 */
public record Handoff(
    long id,
    String channel,
    String channelUserId,
    HandoffState state,
    String reason,
    String lastText,
    String agent,
    Instant queuedAt,
    Instant claimedAt,
    Instant closedAt) {

  public Handoff {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(queuedAt, "queuedAt");
  }

  public ChannelUser user() {
    return new ChannelUser(channel, channelUserId);
  }
}
