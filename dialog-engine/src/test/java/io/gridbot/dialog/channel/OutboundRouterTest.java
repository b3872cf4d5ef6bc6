package io.gridbot.dialog.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.dialog.ConversationId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutboundRouterTest {

  record Recording(String channel, List<String> sent) implements Outbound {
    @Override
    public void send(ConversationId conversation, List<Reply> replies) {
      replies.forEach(r -> sent.add(conversation.senderId() + ": " + r.asText()));
    }
  }

  @Test
  void sends_through_the_outbound_of_the_conversations_channel() {
    Recording web = new Recording("web", new ArrayList<>());
    Recording wechat = new Recording("wechat", new ArrayList<>());
    OutboundRouter router = new OutboundRouter(List.of(web, wechat));

    router.send(new ConversationId("web", "session-1"), List.of(Reply.text("您好")));

    assertThat(web.sent()).containsExactly("session-1: 您好");
    assertThat(wechat.sent()).isEmpty();
    assertThat(router.reaches("wechat")).isTrue();
    assertThat(router.reaches("alipay")).isFalse();
  }

  @Test
  void an_unknown_channel_is_a_clear_failure() {
    OutboundRouter router = new OutboundRouter(List.of(new Recording("web", new ArrayList<>())));

    assertThatThrownBy(
            () -> router.send(new ConversationId("alipay", "u-1"), List.of(Reply.text("您好"))))
        .isInstanceOf(NoOutbound.class)
        .hasMessageContaining("alipay");
  }

  @Test
  void two_outbounds_for_one_channel_are_refused() {
    assertThatThrownBy(
            () ->
                new OutboundRouter(
                    List.of(
                        new Recording("web", new ArrayList<>()),
                        new Recording("web", new ArrayList<>()))))
        .isInstanceOf(IllegalStateException.class);
  }
}
