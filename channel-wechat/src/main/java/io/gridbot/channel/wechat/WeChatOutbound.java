package io.gridbot.channel.wechat;

import io.gridbot.dialog.ConversationId;
import io.gridbot.dialog.channel.Outbound;
import io.gridbot.dialog.channel.Reply;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Replies outside a message's turn (a human agent's answers, the hand-back notice) as
 * customer-service messages, within WeChat's window and quota.
 */
@Component
class WeChatOutbound implements Outbound {

  private final CustomerServiceMessages customerService;

  WeChatOutbound(CustomerServiceMessages customerService) {
    this.customerService = customerService;
  }

  @Override
  public String channel() {
    return WeChatUser.CHANNEL;
  }

  @Override
  public void send(ConversationId conversation, List<Reply> replies) {
    if (!channel().equals(conversation.channel())) {
      throw new IllegalArgumentException("not a WeChat conversation: " + conversation);
    }
    WeChatUser user = WeChatUser.parse(conversation.senderId());
    CustomerServiceMessages.Result result =
        customerService.send(user, WeChatReplies.texts(replies));
    if (!result.sent()) {
      throw new IllegalStateException("WeChat would not take the message: " + result.refusal());
    }
  }
}
