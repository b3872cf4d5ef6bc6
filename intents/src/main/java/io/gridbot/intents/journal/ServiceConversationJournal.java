package io.gridbot.intents.journal;

import io.gridbot.dialog.ConversationJournal;
import io.gridbot.dialog.channel.Reply;
import io.gridbot.dialog.channel.UserMessage;
import io.gridbot.dialog.nlu.ParseResult;
import io.gridbot.service.conversation.ConversationLogEntry;
import io.gridbot.service.conversation.ConversationLogService;
import io.gridbot.service.conversation.Direction;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes every turn to the business's conversation log: the message with its intent, then the
 * replies.
 */
public final class ServiceConversationJournal implements ConversationJournal {

  private final ConversationLogService log;
  private final Clock clock;

  public ServiceConversationJournal(ConversationLogService log, Clock clock) {
    this.log = log;
    this.clock = clock;
  }

  @Override
  public void record(UserMessage message, ParseResult parse, List<Reply> replies) {
    String channel = message.conversation().channel();
    String user = message.conversation().senderId();
    List<ConversationLogEntry> entries = new ArrayList<>(1 + replies.size());
    entries.add(
        new ConversationLogEntry(
            channel,
            user,
            Direction.IN,
            message.messageId(),
            message.text(),
            parse.intentName(),
            BigDecimal.valueOf(parse.intent().confidence()).setScale(4, RoundingMode.HALF_UP),
            message.receivedAt()));
    for (Reply reply : replies) {
      entries.add(
          new ConversationLogEntry(
              channel, user, Direction.OUT, null, reply.asText(), null, null, clock.instant()));
    }
    log.recordAll(entries);
  }
}
