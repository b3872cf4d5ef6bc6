package io.gridbot.channel.wechat.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.gridbot.channel.wechat.NotifyAccountsFixture;
import io.gridbot.channel.wechat.WeChatSettings;
import io.gridbot.dialog.store.StateStore;
import io.gridbot.dialog.store.StateStores;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.notification.Notice;
import io.gridbot.service.port.NotificationSender.Delivery;
import io.gridbot.service.port.NotificationSender.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The WeChat notice sender against a WireMock stand-in for api.weixin.qq.com. */
class WeChatNotificationSenderTest {

  private static final String APP_ID = "wx1234567890abcdef";
  private static final String OPEN_ID = "oUser-0123456789abcdef";
  private static final ChannelUser USER = new ChannelUser("wechat", APP_ID + ":" + OPEN_ID);
  private static final String TEMPLATE_SEND = "/cgi-bin/message/template/send";
  private static final String KEFU_SEND = "/cgi-bin/message/custom/send";

  // 2026-11-27 22:00 in China
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T14:00:00Z"));
  private final StateStore state = StateStores.inMemoryStateStore(clock);
  private WireMockServer wechat;

  @BeforeEach
  void start() {
    wechat = new WireMockServer(options().dynamicPort());
    wechat.start();
    wechat.stubFor(
        get(urlPathEqualTo("/cgi-bin/token"))
            .willReturn(okJson("{\"access_token\":\"TOKEN-1\",\"expires_in\":7200}")));
  }

  @AfterEach
  void stop() {
    wechat.stop();
  }

  private WeChatNotificationSender sender() {
    WeChatSettings settings =
        new WeChatSettings(
            List.of(new WeChatSettings.Account(APP_ID, "test-secret", "test-token", null)),
            wechat.baseUrl(),
            null,
            null,
            null,
            null,
            Duration.ofSeconds(2),
            Duration.ofSeconds(5),
            null,
            null,
            Map.of(
                "progress-ticket",
                new WeChatSettings.Template(
                    "TPL-REPAIR",
                    Map.of(
                        "thing1", "title",
                        "character_string2", "ticketNo",
                        "time3", "expectedRestoration",
                        "thing4", "text"),
                    "https://gridbot.example.com/tickets/{ticketNo}")),
            null);
    return new WeChatNotificationSender(
        NotifyAccountsFixture.accounts(settings, state, StateStores.inMemoryLockStore(clock)),
        new TemplateRendering(settings.templates()),
        new TemplateQuota(state, clock));
  }

  private static Notice dispatched(String ticketNo) {
    return new Notice(
        "progress",
        "ticket:" + ticketNo + ":DISPATCHED",
        "报修已派单",
        "您的报修" + ticketNo + "已派单，抢修人员正在赶往现场，预计11月27日18:00前恢复供电。",
        false,
        Map.of(
            "ticketNo",
            ticketNo,
            "state",
            "DISPATCHED",
            "expectedRestoration",
            "2026-11-27T10:00:00Z"));
  }

  private static Notice campaign() {
    return new Notice("campaign", "campaign:42", "冬季用电提示", "冬季用电高峰，请注意用电安全。", false, Map.of());
  }

  private void templateAnswers(String json) {
    wechat.stubFor(post(urlPathEqualTo(TEMPLATE_SEND)).willReturn(okJson(json)));
  }

  private int templateCalls() {
    return wechat.findAll(postRequestedFor(urlPathEqualTo(TEMPLATE_SEND))).size();
  }

  @Test
  void aNoticeWithATemplateGoesOutAsTemplateMessageWithItsFieldsAndIsSentWithTheMsgid() {
    templateAnswers("{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":200228332}");

    Delivery delivery = sender().send(USER, dispatched("R20261127001"));

    assertThat(delivery).isEqualTo(new Delivery(Outcome.SENT, "msgid:200228332"));
    wechat.verify(
        postRequestedFor(urlPathEqualTo(TEMPLATE_SEND))
            .withQueryParam("access_token", equalTo("TOKEN-1"))
            .withRequestBody(matchingJsonPath("$.touser", equalTo(OPEN_ID)))
            .withRequestBody(matchingJsonPath("$.template_id", equalTo("TPL-REPAIR")))
            .withRequestBody(
                matchingJsonPath(
                    "$.url", equalTo("https://gridbot.example.com/tickets/R20261127001")))
            .withRequestBody(
                matchingJsonPath(
                    "$.client_msg_id",
                    equalTo(
                        WeChatNotificationSender.clientMsgId("ticket:R20261127001:DISPATCHED"))))
            .withRequestBody(matchingJsonPath("$.data.thing1.value", equalTo("报修已派单")))
            .withRequestBody(
                matchingJsonPath("$.data.character_string2.value", equalTo("R20261127001")))
            .withRequestBody(matchingJsonPath("$.data.time3.value", equalTo("2026年11月27日 18:00")))
            .withRequestBody(
                matchingJsonPath("$.data.thing4.value", equalTo("您的报修R20261127001已派单…"))));
  }

  @Test
  void aUserWhoUnfollowedIsFailedWithTheCode() {
    templateAnswers("{\"errcode\":43004,\"errmsg\":\"require subscribe rid: 1\"}");

    Delivery delivery = sender().send(USER, dispatched("R1"));

    assertThat(delivery.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(delivery.detail()).contains("43004");
  }

  @Test
  void aBadOpenidOrABlockIsFailed() {
    templateAnswers("{\"errcode\":40003,\"errmsg\":\"invalid openid\"}");
    assertThat(sender().send(USER, dispatched("R1")).outcome()).isEqualTo(Outcome.FAILED);

    templateAnswers("{\"errcode\":43019,\"errmsg\":\"require remove blacklist\"}");
    assertThat(sender().send(USER, dispatched("R2")).detail()).startsWith("wechat 43019");
  }

  @Test
  void aBusySystemIsRetried() {
    templateAnswers("{\"errcode\":-1,\"errmsg\":\"system error\"}");

    Delivery delivery = sender().send(USER, dispatched("R1"));

    // WxJava tries once more, then gives up with its own exception
    assertThat(delivery.outcome()).isEqualTo(Outcome.RETRY);
    assertThat(delivery.detail()).startsWith("wechat call failed: WxRuntimeException");
    assertThat(templateCalls()).isEqualTo(2);
  }

  @Test
  void aBrokenConnectionIsRetried() {
    // (WxJava's HTTP client, timeouts included, is one per JVM: a broken connection stands for
    // every I/O failure here, timeouts take the same path)
    wechat.stubFor(
        post(urlPathEqualTo(TEMPLATE_SEND))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    Delivery delivery = sender().send(USER, dispatched("R1"));

    assertThat(delivery.outcome()).isEqualTo(Outcome.RETRY);
    assertThat(delivery.detail()).contains("-99");
  }

  @Test
  void theDailyQuotaStopsTheAccountsTemplateMessagesUntilMidnightInChina() {
    WeChatNotificationSender sender = sender();
    templateAnswers("{\"errcode\":45009,\"errmsg\":\"reach max api daily quota limit\"}");

    // the quota runs out at 22:00 in China
    Delivery first = sender.send(USER, dispatched("R1"));
    assertThat(first.outcome()).isEqualTo(Outcome.RETRY);
    assertThat(first.detail()).contains("45009");
    assertThat(templateCalls()).isEqualTo(1);

    // later that evening, neither this instance nor another one calls WeChat
    clock.advance(Duration.ofMinutes(90));
    Delivery second = sender.send(USER, dispatched("R2"));
    Delivery otherInstance = sender().send(USER, dispatched("R3"));
    assertThat(second.outcome()).isEqualTo(Outcome.RETRY);
    assertThat(second.detail()).contains("2026-11-27T16:00:00Z");
    assertThat(otherInstance.outcome()).isEqualTo(Outcome.RETRY);
    assertThat(templateCalls()).isEqualTo(1);

    // after midnight in China they go out again
    clock.set(Instant.parse("2026-11-27T16:00:01Z"));
    templateAnswers("{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":77}");
    Delivery afterMidnight = sender.send(USER, dispatched("R2"));
    assertThat(afterMidnight).isEqualTo(new Delivery(Outcome.SENT, "msgid:77"));
    assertThat(templateCalls()).isEqualTo(2);
  }

  @Test
  void theDailyQuotaDoesNotStopCustomerServiceMessages() {
    WeChatNotificationSender sender = sender();
    templateAnswers("{\"errcode\":45009,\"errmsg\":\"reach max api daily quota limit\"}");
    wechat.stubFor(
        post(urlPathEqualTo(KEFU_SEND)).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));

    sender.send(USER, dispatched("R1"));

    assertThat(sender.send(USER, campaign()).outcome()).isEqualTo(Outcome.SENT);
  }

  @Test
  void aNoticeWithoutTemplateGoesOutAsCustomerServiceText() {
    wechat.stubFor(
        post(urlPathEqualTo(KEFU_SEND)).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));

    Delivery delivery = sender().send(USER, campaign());

    assertThat(delivery).isEqualTo(new Delivery(Outcome.SENT, "kefu"));
    wechat.verify(
        postRequestedFor(urlPathEqualTo(KEFU_SEND))
            .withRequestBody(matchingJsonPath("$.touser", equalTo(OPEN_ID)))
            .withRequestBody(matchingJsonPath("$.msgtype", equalTo("text")))
            .withRequestBody(matchingJsonPath("$.text.content", equalTo("冬季用电高峰，请注意用电安全。"))));
    assertThat(templateCalls()).isZero();
  }

  @Test
  void aCustomerServiceMessageOutsideTheWindowIsFailedAndItsQuotaRetried() {
    wechat.stubFor(
        post(urlPathEqualTo(KEFU_SEND))
            .willReturn(okJson("{\"errcode\":45015,\"errmsg\":\"response out of time limit\"}")));
    Delivery outside = sender().send(USER, campaign());
    assertThat(outside.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(outside.detail()).contains("45015");

    wechat.stubFor(
        post(urlPathEqualTo(KEFU_SEND))
            .willReturn(okJson("{\"errcode\":45047,\"errmsg\":\"out of response count limit\"}")));
    assertThat(sender().send(USER, campaign()).outcome()).isEqualTo(Outcome.RETRY);
  }

  @Test
  void aUserOfAnUnknownAccountOrAMalformedIdIsFailedWithoutCallingWeChat() {
    WeChatNotificationSender sender = sender();

    Delivery unknown =
        sender.send(new ChannelUser("wechat", "wx0000000000000000:" + OPEN_ID), dispatched("R1"));
    Delivery bare = sender.send(new ChannelUser("wechat", OPEN_ID), dispatched("R1"));

    assertThat(unknown)
        .isEqualTo(new Delivery(Outcome.FAILED, "no WeChat account wx0000000000000000"));
    assertThat(bare.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(wechat.getAllServeEvents()).isEmpty();
  }

  @Test
  void longTextsAreCutToWhatACustomerServiceMessageTakes() {
    Notice longNotice =
        new Notice("campaign", "campaign:1", "提示", "电".repeat(1000), false, Map.of());

    String text = WeChatNotificationSender.kefuText(longNotice);

    assertThat(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(2000);
    assertThat(text).endsWith("…").startsWith("电电电");
  }
}
