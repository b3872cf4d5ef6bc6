package io.gridbot.channel.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.gridbot.channel.wechat.menu.WeChatMenu;
import io.gridbot.dialog.MessageProcessor;
import io.gridbot.dialog.TurnOutcome;
import io.gridbot.dialog.channel.Reply;
import io.gridbot.dialog.channel.UserMessage;
import io.gridbot.dialog.store.StateStore;
import io.gridbot.dialog.store.StateStores;
import io.gridbot.dialog.store.StateUnavailable;
import io.gridbot.service.port.ChannelUsers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * The webhook when its backing services fail: the message is answered with a 503 (so that WeChat
 * retries) and nothing is lost; WeChat's retry then runs it.
 */
class WxPortalOutageTest {

  static final String APP = "wxoutage00000001";
  static final String TOKEN = "outage-token";

  final MessageProcessor engine = mock(MessageProcessor.class);
  final ChannelUsers users = mock(ChannelUsers.class);
  WeChatTurns turns;

  @AfterEach
  void stop() throws InterruptedException {
    turns.stop();
  }

  MockMvc webhook(StateStore state) {
    WeChatSettings settings =
        WeChatSettings.of(List.of(new WeChatSettings.Account(APP, "s", TOKEN, null)), null);
    WeChatAccounts accounts = new WeChatAccounts(settings, state, StateStores.inMemoryLockStore());
    CustomerServiceMessages customerService = new CustomerServiceMessages(accounts, state);
    turns = new WeChatTurns(state, customerService, settings);
    WeChatMenu menu =
        WeChatMenu.parse(
            "{\"button\":[{\"type\":\"click\",\"name\":\"查余额\",\"key\":\"BALANCE\"}]}",
            "test",
            Map.of());
    WeChatInbound inbound =
        new WeChatInbound(engine, users, state, customerService, settings, menu);
    return MockMvcBuilders.standaloneSetup(
            new WxPortalController(accounts, settings, inbound, turns))
        .setControllerAdvice(new WxPortalController.Errors())
        .build();
  }

  @Test
  void anUnreachableStateStoreIsA503AndTheEngineIsNotCalled() throws Exception {
    MockMvc mvc = webhook(new DownStore());

    send(mvc, 9001).andExpect(status().isServiceUnavailable());

    verify(engine, never()).process(any());
  }

  @Test
  void aFailingEngineIsA503AndWeChatsRetryRunsTheMessageAgain() throws Exception {
    when(engine.process(any(UserMessage.class)))
        .thenThrow(new IllegalStateException("database down"))
        .thenReturn(TurnOutcome.of(Reply.text("您好")));
    MockMvc mvc = webhook(StateStores.inMemoryStateStore());

    send(mvc, 9002).andExpect(status().isServiceUnavailable());
    String retry =
        send(mvc, 9002)
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);

    assertThat(retry).contains("您好");
    verify(engine, times(2)).process(any());
  }

  private org.springframework.test.web.servlet.ResultActions send(MockMvc mvc, long msgId)
      throws Exception {
    String ts = Long.toString(Instant.now().getEpochSecond());
    String nonce = "n" + msgId;
    String xml =
        "<xml><ToUserName><![CDATA[gh_x]]></ToUserName><FromUserName><![CDATA[oOutageUser01]]></FromUserName>"
            + "<CreateTime>"
            + ts
            + "</CreateTime><MsgType><![CDATA[text]]></MsgType>"
            + "<Content><![CDATA[你好]]></Content><MsgId>"
            + msgId
            + "</MsgId></xml>";
    return mvc.perform(
        post("/wx/portal/" + APP)
            .param("signature", WeChatCrypto.signature(TOKEN, ts, nonce))
            .param("timestamp", ts)
            .param("nonce", nonce)
            .contentType("text/xml")
            .content(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  /** Redis unreachable. */
  static final class DownStore implements StateStore {
    @Override
    public Optional<String> get(String key) {
      throw new StateUnavailable("down", null);
    }

    @Override
    public void put(String key, String value, Duration ttl) {
      throw new StateUnavailable("down", null);
    }

    @Override
    public boolean putIfAbsent(String key, String value, Duration ttl) {
      throw new StateUnavailable("down", null);
    }

    @Override
    public void delete(String key) {
      throw new StateUnavailable("down", null);
    }

    @Override
    public long increment(String key, Duration ttl) {
      throw new StateUnavailable("down", null);
    }

    @Override
    public Optional<Duration> ttl(String key) {
      throw new StateUnavailable("down", null);
    }

    @Override
    public void ping() {
      throw new StateUnavailable("down", null);
    }
  }
}
