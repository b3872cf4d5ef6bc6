package io.gridbot.channel.wechat;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.gridbot.channel.wechat.CustomerServiceMessages.Trigger;
import io.gridbot.dialog.store.LockStore;
import io.gridbot.dialog.store.StateStore;
import io.gridbot.dialog.store.StateStores;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Customer-service messages against a stand-in of WeChat's API. */
class CustomerServiceMessagesTest {

  static final String APP = "wxcs0000000000001";
  static final WeChatUser USER = new WeChatUser(APP, "oCustomer0001");
  static final String SEND = "/cgi-bin/message/custom/send";

  @RegisterExtension
  static WireMockExtension wechat =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  final StateStore state = StateStores.inMemoryStateStore();
  final LockStore locks = StateStores.inMemoryLockStore();
  CustomerServiceMessages messages;

  @BeforeEach
  void setUp() {
    wechat.stubFor(
        get(urlPathEqualTo("/cgi-bin/token"))
            .willReturn(okJson("{\"access_token\":\"cs-token\",\"expires_in\":7200}")));
    wechat.stubFor(
        post(urlPathEqualTo(SEND)).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
    messages = new CustomerServiceMessages(accounts(state, locks), state);
  }

  WeChatAccounts accounts(StateStore store, LockStore lockStore) {
    WeChatSettings settings =
        new WeChatSettings(
            List.of(new WeChatSettings.Account(APP, "secret", "token", null)),
            wechat.baseUrl(),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            Map.of(),
            Map.of(),
            null);
    return new WeChatAccounts(settings, store, lockStore);
  }

  @Test
  void nothingIsSentBeforeTheUserOpensTheWindow() {
    CustomerServiceMessages.Result result = messages.send(USER, List.of("你好"));

    assertThat(result.sent()).isFalse();
    assertThat(result.refusal()).contains("45015");
    wechat.verify(0, postRequestedFor(urlPathEqualTo(SEND)));
  }

  @Test
  void aMessageOpensFiveSendsAndTheSixthIsRefusedWithoutCallingWeChat() {
    messages.opened(USER, Trigger.MESSAGE);

    assertThat(messages.send(USER, List.of("1", "2", "3", "4", "5")).sent()).isTrue();
    CustomerServiceMessages.Result sixth = messages.send(USER, List.of("6"));

    assertThat(sixth.refusal()).contains("45047");
    wechat.verify(5, postRequestedFor(urlPathEqualTo(SEND)));
  }

  @Test
  void aClickOpensThreeSendsButDoesNotShortenAMessageWindow() {
    messages.opened(USER, Trigger.EVENT);
    assertThat(messages.send(USER, List.of("1", "2", "3", "4")).refusal()).contains("45047");
    wechat.verify(3, postRequestedFor(urlPathEqualTo(SEND)));

    messages.opened(USER, Trigger.MESSAGE);
    messages.opened(USER, Trigger.EVENT);
    assertThat(messages.send(USER, List.of("a", "b", "c", "d", "e")).sent()).isTrue();
  }

  @Test
  void weChatsOwnWindowAndQuotaRefusalsCloseTheWindowAndAreNotRetried() {
    wechat.stubFor(
        post(urlPathEqualTo(SEND))
            .willReturn(okJson("{\"errcode\":45015,\"errmsg\":\"response out of time limit\"}")));
    messages.opened(USER, Trigger.MESSAGE);

    CustomerServiceMessages.Result first = messages.send(USER, List.of("1", "2"));
    CustomerServiceMessages.Result again = messages.send(USER, List.of("3"));

    assertThat(first.refusal()).startsWith("45015");
    assertThat(again.refusal()).contains("not sent");
    wechat.verify(1, postRequestedFor(urlPathEqualTo(SEND)));
  }

  @Test
  void instancesOnOneStateStoreShareOneAccessToken() {
    CustomerServiceMessages other = new CustomerServiceMessages(accounts(state, locks), state);
    messages.opened(USER, Trigger.MESSAGE);

    messages.send(USER, List.of("from instance A"));
    other.send(USER, List.of("from instance B"));

    wechat.verify(1, getRequestedFor(urlPathEqualTo("/cgi-bin/token")));
    wechat.verify(2, postRequestedFor(urlPathEqualTo(SEND)));
  }
}
