package io.gridbot.channel.web;

import io.gridbot.dialog.ConversationId;
import io.gridbot.dialog.channel.Outbound;
import io.gridbot.dialog.channel.Reply;
import io.gridbot.dialog.store.StateStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replies sent to a web chat session outside its own messages (an agent's answers), kept in the
 * shared state store until the page fetches them: a counter per session numbers the messages from
 * 1, each message is kept under its number, all for a day. The counter's day starts with its first
 * message (increments do not extend it), so a session that lasts longer starts numbering afresh.
 */
@Component
class WebMailbox implements Outbound {

  static final int MAX_FETCH = 50;
  private static final Duration KEEP = Duration.ofDays(1);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Logger log = LoggerFactory.getLogger(WebMailbox.class);

  private final StateStore state;

  WebMailbox(StateStore state) {
    this.state = state;
  }

  @Override
  public String channel() {
    return RobotController.CHANNEL;
  }

  @Override
  public void send(ConversationId conversation, List<Reply> replies) {
    if (!channel().equals(conversation.channel())) {
      throw new IllegalArgumentException("not a web conversation: " + conversation);
    }
    String session = conversation.senderId();
    for (Reply reply : replies) {
      post(session, ReplyView.of(reply));
    }
    log.info("{} replies left in the mailbox of {}", replies.size(), conversation);
  }

  /**
   * Leaves one message in the session's mailbox.
   *
   * @return its number
   */
  long post(String session, ReplyView message) {
    long number = state.increment(counterKey(session), KEEP);
    state.put(messageKey(session, number), JSON.writeValueAsString(message), KEEP);
    return number;
  }

  /**
   * The messages numbered after {@code after}, oldest first, at most {@value #MAX_FETCH}. Stops at
   * a number whose message is not stored (yet), so that a message being written is not skipped.
   */
  Mail after(String session, long after) {
    long last = state.get(counterKey(session)).map(Long::parseLong).orElse(0L);
    List<ReplyView> messages = new ArrayList<>();
    // a page asking after a number the mailbox never reached saw a counter that has since expired
    long number = after > last ? 0 : Math.max(after, 0);
    while (number < last && messages.size() < MAX_FETCH) {
      Optional<String> stored = state.get(messageKey(session, number + 1));
      if (stored.isEmpty()) {
        break;
      }
      messages.add(JSON.readValue(stored.get(), ReplyView.class));
      number++;
    }
    return new Mail(number, messages);
  }

  /**
   * Messages fetched from a mailbox.
   *
   * @param last the number of the last message returned (or the one asked after, when none): the
   *     page asks after it next time
   */
  record Mail(long last, List<ReplyView> messages) {}

  private static String counterKey(String session) {
    return "mailbox:web:" + session + ":last";
  }

  private static String messageKey(String session, long number) {
    return "mailbox:web:" + session + ":" + number;
  }
}
