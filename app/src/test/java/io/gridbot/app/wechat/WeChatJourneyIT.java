package io.gridbot.app.wechat;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.gridbot.app.CleanDatabase;
import io.gridbot.app.StaffClient;
import io.gridbot.app.pay.WeChatPayStandIn;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.subscription.QuietHours;
import io.gridbot.service.subscription.SubscriptionService;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A WeChat customer's whole journey over HTTP, on MariaDB and Redis, with WireMock as WeChat's API
 * and (as a proxy) WeChat Pay's host: follows, binds, pays (OAuth, prepay at the stub, the payment
 * notification delivered three times credits once), reports a fault with a location message, and
 * gets the repair-progress template message when staff dispatch the ticket.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@Import(CleanDatabase.class)
class WeChatJourneyIT {

  static final String APP = "wxjourney00000001";
  static final String TOKEN = "journey-token";
  static final WeChatPayStandIn PAY = new WeChatPayStandIn(APP);

  @RegisterExtension
  static WireMockExtension wechat =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @DynamicPropertySource
  static void wechat(DynamicPropertyRegistry p) {
    p.add("gridbot.wechat.api-base-url", wechat::baseUrl);
    p.add("gridbot.wechat.accounts[0].app-id", () -> APP);
    p.add("gridbot.wechat.accounts[0].secret", () -> "journey-secret");
    p.add("gridbot.wechat.accounts[0].token", () -> TOKEN);
    p.add("gridbot.wechat.templates.progress-ticket.template-id", () -> "TPL-REPAIR");
    p.add("gridbot.wechat.templates.progress-ticket.fields.character_string1", () -> "ticketNo");
    p.add("gridbot.wechat.templates.progress-ticket.fields.thing2", () -> "title");
    p.add("gridbot.wechat.templates.progress-ticket.fields.thing4", () -> "text");
    p.add(
        "gridbot.assistant.pay-urls.wechat",
        () -> "https://gridbot.example.cn/wx/pay/{outTradeNo}");
    p.add("gridbot.notifications.queue", () -> "memory");
    PAY.register(p, wechat.baseUrl());
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired SubscriptionService subscriptions;

  @Test
  void followBindPayReportAndHearOfTheRepair() throws Exception {
    WeChatClient customer = new WeChatClient(port, APP, TOKEN, null);
    stubWeChat(customer.openId);
    ChannelUser user = new ChannelUser("wechat", APP + ":" + customer.openId);
    noQuietHoursFor(user);

    // follows and binds
    long ts = Instant.now().getEpochSecond();
    assertThat(customer.content(customer.post(customer.eventXml("subscribe", null, ts))))
        .contains("欢迎关注");
    customer.say("绑定户号3300000002");
    assertThat(customer.say("0002")).contains("绑定成功");
    BigDecimal before = balance("3300000002");

    // pays 30 yuan: the link opens WeChat Pay's page for this account's order
    assertThat(customer.say("交30元电费")).contains("确认");
    String link = customer.say("确认");
    Matcher m = Pattern.compile("https://gridbot.example.cn/wx/pay/(P\\d{22})").matcher(link);
    assertThat(m.find()).as(link).isTrue();
    String no = m.group(1);
    HttpResponse<String> authorise = open("/wx/pay/" + no);
    assertThat(authorise.statusCode()).isEqualTo(302);
    String state = param(authorise.headers().firstValue("Location").orElseThrow(), "state");
    HttpResponse<String> page = open("/wx/pay/" + no + "?code=JOURNEY-CODE&state=" + state);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("30.00")
        .contains("getBrandWCPayRequest")
        .contains("prepay_id=wx-journey-prepay");
    wechat.verify(
        postRequestedFor(urlEqualTo("/v3/pay/transactions/jsapi"))
            .withRequestBody(matchingJsonPath("$.amount.total", equalTo("3000")))
            .withRequestBody(matchingJsonPath("$.payer.openid", equalTo(customer.openId))));

    // WeChat Pay tells us three times; the account is credited once (balance less arrears)
    String paid = PAY.notification(no, "4200000001202611279999000001", 3000, customer.openId);
    for (int i = 0; i < 3; i++) {
      assertThat(PAY.deliver(port, paid, PAY.platform).statusCode()).isEqualTo(204);
    }
    assertThat(balance("3300000002")).isEqualByComparingTo(before.add(new BigDecimal("30.00")));

    // reports a fault with a location message
    assertThat(customer.say("家里突然停电了")).contains("发送位置");
    String reply =
        customer.content(
            customer.post(
                customer.messageXml(
                    "location",
                    "<Location_X>30.274</Location_X><Location_Y>120.155</Location_Y>"
                        + "<Scale>15</Scale><Label><![CDATA[幸福小区3栋]]></Label>")));
    // the form asks what it still needs (the order depends on what the account gives it)
    for (int i = 0; i < 5 && !reply.contains("确认提交"); i++) {
      if (reply.contains("联系电话")) {
        reply = customer.say("13912345678");
      } else if (reply.contains("照片")) {
        reply = customer.say("不发照片，继续");
      } else {
        reply = customer.say("全屋都没电了");
      }
    }
    assertThat(reply).contains("幸福小区3栋");
    assertThat(reply).contains("确认");
    String opened = customer.say("确认");
    Matcher t = Pattern.compile("工单号(R\\d+)").matcher(opened);
    assertThat(t.find()).as(opened).isTrue();
    String ticket = t.group(1);

    // staff dispatch it: the reporter gets the repair-progress template message
    HttpResponse<String> dispatched =
        StaffClient.demoStaff(port)
            .post("/api/staff/tickets/" + ticket + "/dispatch", "{\"note\":\"抢修二班出发\"}");
    assertThat(dispatched.statusCode()).isEqualTo(200);
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                wechat.verify(
                    postRequestedFor(urlPathEqualTo("/cgi-bin/message/template/send"))
                        .withRequestBody(containing("TPL-REPAIR"))
                        .withRequestBody(containing(customer.openId))
                        .withRequestBody(containing(ticket))));
  }

  private void stubWeChat(String openId) {
    wechat.stubFor(
        get(urlPathEqualTo("/cgi-bin/token"))
            .willReturn(okJson("{\"access_token\":\"journey-token\",\"expires_in\":7200}")));
    wechat.stubFor(
        post(urlPathEqualTo("/cgi-bin/message/custom/send"))
            .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
    wechat.stubFor(
        post(urlPathEqualTo("/cgi-bin/message/template/send"))
            .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":900001}")));
    wechat.stubFor(
        get(urlPathEqualTo("/sns/oauth2/access_token"))
            .withQueryParam("code", equalTo("JOURNEY-CODE"))
            .willReturn(
                okJson(
                    "{\"access_token\":\"A\",\"expires_in\":7200,\"refresh_token\":\"R\",\"openid\":\""
                        + openId
                        + "\",\"scope\":\"snsapi_base\"}")));
    wechat.stubFor(
        post(urlEqualTo("/v3/pay/transactions/jsapi"))
            .willReturn(PAY.signedJson(200, "{\"prepay_id\":\"wx-journey-prepay\"}")));
  }

  /** The test runs at any hour: this user's quiet hours exclude the next hour. */
  private void noQuietHoursFor(ChannelUser user) {
    LocalTime now =
        ZonedDateTime.now(QuietHours.CHINA).toLocalTime().truncatedTo(ChronoUnit.MINUTES);
    subscriptions.setQuietHours(
        user, new QuietHours(now.plusHours(2), now.plusHours(3), QuietHours.CHINA));
  }

  private BigDecimal balance(String account) {
    return jdbc.queryForObject(
        "select balance - arrears from account where account_no = ?", BigDecimal.class, account);
  }

  private HttpResponse<String> open(String path) {
    return new WeChatClient(port, APP, TOKEN, null)
        .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET());
  }

  private static String param(String url, String name) {
    for (String part : URI.create(url.replace("#wechat_redirect", "")).getRawQuery().split("&")) {
      if (part.startsWith(name + "=")) {
        return URLDecoder.decode(part.substring(name.length() + 1), StandardCharsets.UTF_8);
      }
    }
    throw new AssertionError("no " + name + " in " + url);
  }
}
