package io.gridbot.dialog.handoff;

import io.gridbot.dialog.ConversationId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link HandoffDesk} in process memory, for tests and a single instance without a database. */
public final class InMemoryHandoffDesk implements HandoffDesk {

  private final Map<ConversationId, Status> statuses = new ConcurrentHashMap<>();
  private final Map<ConversationId, String> reasons = new ConcurrentHashMap<>();

  @Override
  public Status status(ConversationId conversation) {
    return statuses.getOrDefault(conversation, Status.NONE);
  }

  @Override
  public void enqueue(ConversationId conversation, String reason, String lastText) {
    if (statuses.putIfAbsent(conversation, Status.QUEUED) == null) {
      reasons.put(conversation, reason);
    }
  }

  @Override
  public void leave(ConversationId conversation) {
    statuses.remove(conversation, Status.QUEUED);
  }

  /** An agent takes a waiting conversation. */
  public boolean claim(ConversationId conversation) {
    return statuses.replace(conversation, Status.QUEUED, Status.HELD);
  }

  /** The agent gives the conversation back to the robot. */
  public void release(ConversationId conversation) {
    statuses.remove(conversation);
  }

  /** The conversations waiting, in no particular order. */
  public List<ConversationId> waiting() {
    return statuses.entrySet().stream()
        .filter(e -> e.getValue() == Status.QUEUED)
        .map(Map.Entry::getKey)
        .toList();
  }

  /** Why a conversation was queued, or null. */
  public String reason(ConversationId conversation) {
    return reasons.get(conversation);
  }
}
