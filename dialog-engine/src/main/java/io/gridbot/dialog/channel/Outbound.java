package io.gridbot.dialog.channel;

import io.gridbot.dialog.ConversationId;
import java.util.List;

/**
 * Delivers replies to a customer outside the turn of a message, e.g. a human agent's answers: one
 * implementation per channel, chosen by {@link OutboundRouter}. A channel that cannot render a rich
 * reply sends its {@link Reply#asText() text}.
 */
public interface Outbound {

  /** The channel this delivers to, as in {@link ConversationId#channel()}. */
  String channel();

  /**
   * Sends the replies, in order, to the conversation's customer.
   *
   * @throws RuntimeException when the channel cannot take them; nothing is retried here
   */
  void send(ConversationId conversation, List<Reply> replies);
}
