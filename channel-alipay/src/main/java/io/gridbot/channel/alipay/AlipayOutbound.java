package io.gridbot.channel.alipay;

import io.gridbot.dialog.ConversationId;
import io.gridbot.dialog.channel.Outbound;
import io.gridbot.dialog.channel.Reply;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Replies outside a customer's own turn (an agent's answers) to an Alipay follower. */
@Component
class AlipayOutbound implements Outbound {

  static final String CHANNEL = "alipay";
  private static final Logger log = LoggerFactory.getLogger(AlipayOutbound.class);

  private final AlipayMessenger messenger;

  AlipayOutbound(AlipayMessenger messenger) {
    this.messenger = messenger;
  }

  @Override
  public String channel() {
    return CHANNEL;
  }

  @Override
  public void send(ConversationId conversation, List<Reply> replies) {
    if (!CHANNEL.equals(conversation.channel())) {
      throw new IllegalArgumentException("not an Alipay conversation: " + conversation);
    }
    messenger.send(conversation.senderId(), replies);
    log.info("{} replies sent to {}", replies.size(), conversation);
  }
}
