package io.gridbot.service.conversation;

import io.gridbot.service.account.ChannelUser;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class DefaultConversationLogService implements ConversationLogService {

  static final int MAX_HISTORY = 1000;
  // keeps one INSERT statement well below packet and parameter limits
  private static final int BATCH = 200;

  private final ConversationLogMapper log;

  DefaultConversationLogService(ConversationLogMapper log) {
    this.log = log;
  }

  @Override
  public void record(ConversationLogEntry entry) {
    log.insertAll(List.of(Objects.requireNonNull(entry, "entry")));
  }

  @Override
  public void recordAll(List<ConversationLogEntry> entries) {
    List<ConversationLogEntry> copy = List.copyOf(entries);
    for (int from = 0; from < copy.size(); from += BATCH) {
      log.insertAll(copy.subList(from, Math.min(copy.size(), from + BATCH)));
    }
  }

  @Override
  @Transactional(readOnly = true)
  public List<ConversationLogEntry> history(String channel, String channelUserId, int limit) {
    new ChannelUser(channel, channelUserId); // validates both
    if (limit < 1 || limit > MAX_HISTORY) {
      throw new IllegalArgumentException("limit must be 1 to " + MAX_HISTORY + ", got " + limit);
    }
    return log.findLatest(channel, channelUserId, limit);
  }
}
