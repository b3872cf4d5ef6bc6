package io.gridbot.dialog.channel;

import io.gridbot.dialog.ConversationId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Sends replies through the {@link Outbound} of the conversation's channel. */
public final class OutboundRouter {

  private final Map<String, Outbound> byChannel;

  /**
   * @throws IllegalStateException when two outbounds claim one channel
   */
  public OutboundRouter(List<Outbound> outbounds) {
    this.byChannel =
        outbounds.stream()
            .collect(Collectors.toUnmodifiableMap(Outbound::channel, Function.identity()));
  }

  /**
   * Sends {@code replies} to the conversation's customer.
   *
   * @throws NoOutbound when no outbound delivers to the conversation's channel
   */
  public void send(ConversationId conversation, List<Reply> replies) {
    Objects.requireNonNull(conversation, "conversation");
    Outbound outbound = byChannel.get(conversation.channel());
    if (outbound == null) {
      throw new NoOutbound(conversation.channel());
    }
    outbound.send(conversation, List.copyOf(replies));
  }

  /** Whether replies can be sent to {@code channel}. */
  public boolean reaches(String channel) {
    return byChannel.containsKey(channel);
  }
}
