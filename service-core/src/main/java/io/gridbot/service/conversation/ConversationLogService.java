package io.gridbot.service.conversation;

import java.util.List;

/** Keeps every message exchanged with channel users. */
public interface ConversationLogService {

  /** Appends one entry. */
  void record(ConversationLogEntry entry);

  /** Appends the entries in one transaction: all of them or none. An empty list does nothing. */
  void recordAll(List<ConversationLogEntry> entries);

  /**
   * The latest {@code limit} entries of the channel user's conversation, oldest first.
   *
   * @param limit 1 to 1000
   * @throws IllegalArgumentException if {@code limit} is out of range
   */
  List<ConversationLogEntry> history(String channel, String channelUserId, int limit);
}
