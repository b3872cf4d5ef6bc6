package io.gridbot.intents.journal;

import io.gridbot.dialog.ConversationJournal;
import io.gridbot.dialog.Masking;
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
 * replies, with phone and customer numbers masked (the log is read by staff and kept long).
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
            Masking.text(describe(message)),
            parse.intentName(),
            BigDecimal.valueOf(parse.intent().confidence()).setScale(4, RoundingMode.HALF_UP),
            message.receivedAt()));
    for (Reply reply : replies) {
      entries.add(
          new ConversationLogEntry(
              channel,
              user,
              Direction.OUT,
              null,
              Masking.text(reply.asText()),
              null,
              null,
              clock.instant()));
    }
    log.recordAll(entries);
  }

  /** The text, with what else the message carried: a shared place, images. */
  private static String describe(UserMessage message) {
    StringBuilder text = new StringBuilder(message.text());
    if (message.location() != null) {
      text.append(text.length() > 0 ? " " : "")
          .append("[位置 ")
          .append(message.location().label() == null ? "" : message.location().label() + " ")
          .append(message.location().coordinates())
          .append(']');
    }
    for (String image : message.images()) {
      text.append(text.length() > 0 ? " " : "").append("[图片 ").append(image).append(']');
    }
    return text.toString();
  }
}
