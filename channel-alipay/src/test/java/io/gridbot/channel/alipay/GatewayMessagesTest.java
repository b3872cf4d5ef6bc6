package io.gridbot.channel.alipay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.gridbot.dialog.MessageProcessor;
import io.gridbot.dialog.channel.Reply;
import io.gridbot.dialog.channel.UserMessage;
import io.gridbot.dialog.store.StateStores;
import io.gridbot.service.port.ChannelUsers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A service window message is handled before it is acknowledged; a failure loses nothing. */
class GatewayMessagesTest {

  final MessageProcessor engine = mock(MessageProcessor.class);
  final AlipayMessenger messenger = mock(AlipayMessenger.class);
  final GatewayMessages messages =
      new GatewayMessages(
          AlipayKeysTest.settings(TestKeys.generate(), TestKeys.generate().publicKey()),
          StateStores.inMemoryStateStore(),
          engine,
          mock(ChannelUsers.class),
          messenger);

  @AfterEach
  void stop() throws InterruptedException {
    messages.stop();
  }

  static GatewayMessage text(String msgId, String text) {
    return GatewayMessage.of(
        Map.of(
            "AppId",
            "2021000000000001",
            "FromUserId",
            "2088000000000001",
            "CreateTime",
            Long.toString(System.currentTimeMillis()),
            "MsgType",
            "text",
            "MsgId",
            msgId,
            "Text",
            text));
  }

  @Test
  void aFailureForgetsTheMessageSoThatAlipaysRedeliveryIsHandled() {
    when(engine.handle(any(UserMessage.class)))
        .thenThrow(new IllegalStateException("database down"))
        .thenReturn(List.of(Reply.text("您好")));

    assertThatThrownBy(() -> messages.accept(text("m-1", "你好")))
        .isInstanceOf(GatewayMessages.HandlingFailed.class);
    verify(messenger, never()).send(any(), anyList());

    assertThat(messages.accept(text("m-1", "你好"))).isTrue();
    verify(messenger, timeout(2000)).send(eq("2088000000000001"), eq(List.of(Reply.text("您好"))));
    // a later redelivery of the handled message is dropped
    assertThat(messages.accept(text("m-1", "你好"))).isFalse();
    verify(engine, times(2)).handle(any(UserMessage.class));
  }
}
