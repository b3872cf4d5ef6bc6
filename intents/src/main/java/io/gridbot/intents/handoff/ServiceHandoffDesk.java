package io.gridbot.intents.handoff;

import io.gridbot.dialog.ConversationId;
import io.gridbot.dialog.handoff.HandoffDesk;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.handoff.HandoffService;
import io.gridbot.service.handoff.HandoffState;
import java.util.Objects;

/** The engine's agent desk on the business's handoff queue. */
public final class ServiceHandoffDesk implements HandoffDesk {

  private final HandoffService handoffs;

  public ServiceHandoffDesk(HandoffService handoffs) {
    this.handoffs = Objects.requireNonNull(handoffs, "handoffs");
  }

  @Override
  public Status status(ConversationId conversation) {
    return handoffs
        .status(user(conversation))
        .map(state -> state == HandoffState.HELD ? Status.HELD : Status.QUEUED)
        .orElse(Status.NONE);
  }

  @Override
  public void enqueue(ConversationId conversation, String reason, String lastText) {
    handoffs.enqueue(user(conversation), reason, lastText);
  }

  @Override
  public void leave(ConversationId conversation) {
    handoffs.leave(user(conversation));
  }

  private static ChannelUser user(ConversationId conversation) {
    return new ChannelUser(conversation.channel(), conversation.senderId());
  }
}
