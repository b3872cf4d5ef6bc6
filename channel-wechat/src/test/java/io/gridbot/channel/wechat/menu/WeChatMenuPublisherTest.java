package io.gridbot.channel.wechat.menu;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.gridbot.channel.wechat.NotifyAccountsFixture;
import io.gridbot.channel.wechat.WeChatSettings;
import io.gridbot.dialog.store.StateStores;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Publishing the menu against a WireMock stand-in for api.weixin.qq.com. */
class WeChatMenuPublisherTest {

  private static final String GOOD = "wx1111111111111111";
  private static final String BAD = "wx2222222222222222";
  private WireMockServer wechat;

  @BeforeEach
  void start() {
    wechat = new WireMockServer(options().dynamicPort());
    wechat.start();
    wechat.stubFor(
        get(urlPathEqualTo("/cgi-bin/token"))
            .withQueryParam("appid", equalTo(GOOD))
            .willReturn(okJson("{\"access_token\":\"TOKEN-GOOD\",\"expires_in\":7200}")));
    wechat.stubFor(
        get(urlPathEqualTo("/cgi-bin/token"))
            .withQueryParam("appid", equalTo(BAD))
            .willReturn(okJson("{\"access_token\":\"TOKEN-BAD\",\"expires_in\":7200}")));
    wechat.stubFor(
        post(urlPathEqualTo("/cgi-bin/menu/create"))
            .withQueryParam("access_token", equalTo("TOKEN-GOOD"))
            .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
    wechat.stubFor(
        post(urlPathEqualTo("/cgi-bin/menu/create"))
            .withQueryParam("access_token", equalTo("TOKEN-BAD"))
            .willReturn(okJson("{\"errcode\":48001,\"errmsg\":\"api unauthorized\"}")));
  }

  @AfterEach
  void stop() {
    wechat.stop();
  }

  @Test
  void theMenuGoesToEveryAccountAsWeChatJsonAndEachAccountsOutcomeIsReported() {
    WeChatSettings settings =
        new WeChatSettings(
            List.of(
                new WeChatSettings.Account(GOOD, "s1", "t1", null),
                new WeChatSettings.Account(BAD, "s2", "t2", null)),
            wechat.baseUrl(),
            null,
            null,
            null,
            null,
            Duration.ofSeconds(2),
            Duration.ofSeconds(5),
            null,
            null,
            null,
            null);
    WeChatMenu menu =
        WeChatMenu.parse(
            """
            {"button":[{"type":"click","name":"交电费","key":"PAY_BILL","text":"我要交电费"},
                       {"name":"服务","sub_button":[
                         {"type":"click","name":"报修","key":"REPORT_FAULT"},
                         {"type":"view","name":"网上国网","url":"https://www.95598.cn/"}]}]}
            """,
            "test",
            Map.of());
    WeChatMenuPublisher publisher =
        new WeChatMenuPublisher(
            NotifyAccountsFixture.accounts(
                settings, StateStores.inMemoryStateStore(), StateStores.inMemoryLockStore()),
            menu);

    List<WeChatMenuPublisher.Published> results = publisher.publishAll();

    assertThat(results).hasSize(2);
    assertThat(results.get(0)).isEqualTo(new WeChatMenuPublisher.Published(GOOD, true, null));
    assertThat(results.get(1).appId()).isEqualTo(BAD);
    assertThat(results.get(1).ok()).isFalse();
    assertThat(results.get(1).error()).startsWith("48001 ");
    wechat.verify(
        postRequestedFor(urlPathEqualTo("/cgi-bin/menu/create"))
            .withQueryParam("access_token", equalTo("TOKEN-GOOD"))
            .withRequestBody(
                equalToJson(
                    """
                    {"button":[{"type":"click","name":"交电费","key":"PAY_BILL"},
                               {"name":"服务","sub_button":[
                                 {"type":"click","name":"报修","key":"REPORT_FAULT"},
                                 {"type":"view","name":"网上国网","url":"https://www.95598.cn/"}]}]}
                    """)));
  }
}
