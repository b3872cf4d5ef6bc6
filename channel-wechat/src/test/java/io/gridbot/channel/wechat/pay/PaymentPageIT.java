package io.gridbot.channel.wechat.pay;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.gridbot.channel.wechat.pay.PayFixture.APP_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.gridbot.channel.wechat.WeChatAccountsFixture;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The payment page: WeChat's OAuth2 and the pay host are WireMock, the prepay request is signed
 * with the merchant key and its answer with the stand-in platform key.
 */
class PaymentPageIT {

  @RegisterExtension
  static WireMockExtension wechat =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String NO = "P2026112710000012345678";
  private static final String OPENID = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o";
  private static final String PREPAY_ID = "wx201410272009395522657a690389285100";

  private final PayFixture fixture = new PayFixture();
  private final FakeChannelPayments payments = new FakeChannelPayments();
  private MockMvc mvc;

  @BeforeEach
  void setUp() {
    WeChatPaySettings settings = fixture.settings(wechat.baseUrl());
    PaymentPage page =
        new PaymentPage(
            settings,
            new PayHost(settings),
            WeChatAccountsFixture.oneAccount(APP_ID, wechat.baseUrl()),
            payments,
            Clock.systemUTC());
    mvc = MockMvcBuilders.standaloneSetup(new PaymentPageController(page)).build();
    wechat.stubFor(
        get(urlPathEqualTo("/sns/oauth2/access_token"))
            .withQueryParam("code", equalTo("CODE-1"))
            .willReturn(
                okJson(
                    "{\"access_token\":\"ACCESS\",\"expires_in\":7200,\"refresh_token\":\"R\","
                        + "\"openid\":\""
                        + OPENID
                        + "\",\"scope\":\"snsapi_base\"}")));
    wechat.stubFor(
        post(urlEqualTo("/v3/pay/transactions/jsapi"))
            .withHeader(
                "Authorization", matching("WECHATPAY2-SHA256-RSA2048 .*mchid=\"1900000109\".*"))
            .withRequestBody(matchingJsonPath("$.amount.total", equalTo("8640")))
            .withRequestBody(matchingJsonPath("$.payer.openid", equalTo(OPENID)))
            .willReturn(fixture.signedJson(200, "{\"prepay_id\":\"" + PREPAY_ID + "\"}")));
  }

  private MockHttpServletResponse open(String uri) throws Exception {
    return mvc.perform(get(URI.create(uri))).andReturn().getResponse();
  }

  private String stateFromRedirect() throws Exception {
    MockHttpServletResponse first = open("/wx/pay/" + NO);
    assertThat(first.getStatus()).isEqualTo(302);
    String location = first.getRedirectedUrl();
    assertThat(location)
        .as("WeChat's authorisation page (the open host, WireMock here)")
        .startsWith(wechat.baseUrl() + "/connect/oauth2/authorize?appid=" + APP_ID)
        .contains("scope=snsapi_base")
        .contains(
            "redirect_uri="
                + java.net.URLEncoder.encode(
                    "https://gridbot.example.cn/wx/pay/" + NO, StandardCharsets.UTF_8));
    return UriComponentsBuilder.fromUriString(location.replace("#wechat_redirect", ""))
        .build()
        .getQueryParams()
        .getFirst("state");
  }

  @Test
  void theOrderIsPrepaidForTheAuthorisedPayerAndThePageCarriesTheSignedParameters()
      throws Exception {
    payments.add(NO, "86.40", "wechat", APP_ID + ":" + OPENID, Instant.now());
    String state = stateFromRedirect();

    MockHttpServletResponse page = open("/wx/pay/" + NO + "?code=CODE-1&state=" + state);

    assertThat(page.getStatus()).isEqualTo(200);
    String html = page.getContentAsString(StandardCharsets.UTF_8);
    assertThat(html).contains("86.40").contains("3300****01").contains("getBrandWCPayRequest");
    Map<String, String> params = params(html);
    assertThat(params).containsEntry("appId", APP_ID).containsEntry("signType", "RSA");
    assertThat(params.get("package")).isEqualTo("prepay_id=" + PREPAY_ID);
    String signed =
        params.get("appId")
            + "\n"
            + params.get("timeStamp")
            + "\n"
            + params.get("nonceStr")
            + "\n"
            + params.get("package")
            + "\n";
    assertThat(PayFixture.verify(fixture.merchant.getPublic(), signed, params.get("paySign")))
        .as("paySign is the merchant's signature of the JSAPI parameters")
        .isTrue();
    wechat.verify(
        1,
        postRequestedFor(urlEqualTo("/v3/pay/transactions/jsapi"))
            .withRequestBody(matchingJsonPath("$.out_trade_no", equalTo(NO)))
            .withRequestBody(matchingJsonPath("$.appid", equalTo(APP_ID)))
            .withRequestBody(
                matchingJsonPath(
                    "$.notify_url", equalTo("https://gridbot.example.cn/wx/pay/notify")))
            .withRequestBody(matchingJsonPath("$.time_expire", matching(".*\\+08:00"))));
  }

  @Test
  void aPrepayAnswerNotSignedByThePlatformKeyIsNotUsed() throws Exception {
    payments.add(NO, "86.40", "wechat", APP_ID + ":" + OPENID, Instant.now());
    PayFixture impostor = new PayFixture();
    wechat.stubFor(
        post(urlEqualTo("/v3/pay/transactions/jsapi"))
            .willReturn(impostor.signedJson(200, "{\"prepay_id\":\"wx-forged\"}")));
    String state = stateFromRedirect();

    MockHttpServletResponse page = open("/wx/pay/" + NO + "?code=CODE-1&state=" + state);

    assertThat(page.getStatus()).isEqualTo(502);
    assertThat(page.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("wx-forged");
  }

  @Test
  void anotherWeChatUserCannotPayTheOrder() throws Exception {
    payments.add(NO, "86.40", "wechat", APP_ID + ":someone-else", Instant.now());
    String state = stateFromRedirect();

    MockHttpServletResponse page = open("/wx/pay/" + NO + "?code=CODE-1&state=" + state);

    assertThat(page.getStatus()).isEqualTo(403);
    wechat.verify(0, postRequestedFor(urlEqualTo("/v3/pay/transactions/jsapi")));
  }

  @Test
  void aForgedOrForeignStateIsRefused() throws Exception {
    payments.add(NO, "86.40", "wechat", APP_ID + ":" + OPENID, Instant.now());
    String state = stateFromRedirect();
    String forged = state.substring(0, state.indexOf('.') + 1) + "AAAA";

    assertThat(open("/wx/pay/" + NO + "?code=CODE-1&state=" + forged).getStatus()).isEqualTo(400);
    payments.add("P2026112710000000000001", "1.00", "wechat", null, Instant.now());
    assertThat(open("/wx/pay/P2026112710000000000001?code=CODE-1&state=" + state).getStatus())
        .as("a state is only good for its own order")
        .isEqualTo(400);
    wechat.verify(0, postRequestedFor(urlEqualTo("/v3/pay/transactions/jsapi")));
  }

  @Test
  void ordersOfOtherChannelsPaidOrExpiredAreNotServed() throws Exception {
    payments.add("P2026112710000000000001", "1.00", "alipay", null, Instant.now());
    payments.add("P2026112710000000000002", "1.00", "wechat", null, Instant.now());
    payments.confirm(
        "P2026112710000000000002", new java.math.BigDecimal("1.00"), "T", Instant.now());
    payments.add(
        "P2026112710000000000003",
        "1.00",
        "wechat",
        null,
        Instant.now().minus(Duration.ofHours(1)));

    assertThat(open("/wx/pay/P2026112710000000000001").getStatus()).isEqualTo(404);
    assertThat(open("/wx/pay/P2026112710000000000002").getStatus()).isEqualTo(409);
    assertThat(open("/wx/pay/P2026112710000000000003").getStatus()).isEqualTo(409);
    assertThat(open("/wx/pay/nope").getStatus()).isEqualTo(404);
    assertThat(open("/wx/pay/P2026112799999999999999").getStatus()).isEqualTo(404);
  }

  private static Map<String, String> params(String html) {
    Matcher m = Pattern.compile("var params = \\{(.*?)\\};").matcher(html);
    assertThat(m.find()).as("the page carries its parameters").isTrue();
    Map<String, String> out = new LinkedHashMap<>();
    Matcher field = Pattern.compile("\"(\\w+)\":\"([^\"]*)\"").matcher(m.group(1));
    while (field.find()) {
      out.put(field.group(1), field.group(2));
    }
    return out;
  }
}
