package io.gridbot.app;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.gridbot.service.port.NotificationSender;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * An admin publishes the WeChat menu over HTTP: only authenticated staff with role ADMIN may, and
 * the shipped menu reaches WeChat (WireMock) for the configured account, which is reported.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@Import(CleanDatabase.class)
class WeChatMenuStaffIT {

  private static final String APP_ID = "wx4444444444444444";
  private static final String MENU = "/api/staff/wechat/menu";

  @RegisterExtension
  static WireMockExtension wechat =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @DynamicPropertySource
  static void wechatAccount(DynamicPropertyRegistry properties) {
    properties.add("gridbot.wechat.accounts[0].app-id", () -> APP_ID);
    properties.add("gridbot.wechat.accounts[0].secret", () -> "it-secret");
    properties.add("gridbot.wechat.accounts[0].token", () -> "it-token");
    properties.add("gridbot.wechat.api-base-url", wechat::baseUrl);
  }

  @LocalServerPort int port;
  @Autowired List<NotificationSender> senders;

  @Test
  void publishingTheMenuNeedsStaffCredentials() {
    HttpResponse<String> anonymous = StaffClient.anonymous(port).post(MENU, "");
    HttpResponse<String> wrong = StaffClient.as(port, "staff", "not-the-password").post(MENU, "");

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wechat.getAllServeEvents()).isEmpty();
  }

  @Test
  void operationalStaffMayNotPublishTheMenu() {
    HttpResponse<String> staff = StaffClient.demoStaff(port).post(MENU, "");
    HttpResponse<String> agent = StaffClient.as(port, "agent", "gridbot-demo").post(MENU, "");

    assertThat(staff.statusCode()).isEqualTo(403);
    assertThat(agent.statusCode()).isEqualTo(403);
    assertThat(wechat.getAllServeEvents()).isEmpty();
  }

  @Test
  void anAdminPublishesTheShippedMenuToTheAccount() {
    wechat.stubFor(
        get(urlPathEqualTo("/cgi-bin/token"))
            .willReturn(okJson("{\"access_token\":\"TOKEN-IT\",\"expires_in\":7200}")));
    wechat.stubFor(
        post(urlPathEqualTo("/cgi-bin/menu/create"))
            .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));

    HttpResponse<String> response = StaffClient.demoAdmin(port).post(MENU, "");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = StaffClient.json(response);
    assertThat(body.get("published").asInt()).isEqualTo(1);
    assertThat(body.get("failed").asInt()).isZero();
    assertThat(body.get("accounts").get(0).get("appId").asString()).isEqualTo(APP_ID);
    assertThat(body.get("accounts").get(0).get("ok").asBoolean()).isTrue();
    wechat.verify(
        postRequestedFor(urlPathEqualTo("/cgi-bin/menu/create"))
            .withQueryParam("access_token", equalTo("TOKEN-IT"))
            .withRequestBody(matchingJsonPath("$.button[0].key", equalTo("PAY_BILL")))
            .withRequestBody(matchingJsonPath("$.button[1].sub_button[2].key", equalTo("OUTAGE"))));
  }

  @Test
  void theApplicationHasAWeChatNoticeSender() {
    assertThat(senders).extracting(NotificationSender::channel).contains("wechat");
  }
}
