package io.gridbot.app.wechat;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.gridbot.app.CleanDatabase;
import io.gridbot.app.StaffClient;
import io.gridbot.dialog.ConversationId;
import io.gridbot.dialog.channel.Outbound;
import io.gridbot.dialog.channel.Reply;
import io.gridbot.dialog.store.LockStore;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
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
import tools.jackson.databind.JsonNode;

/**
 * The WeChat webhook end to end over HTTP, on MariaDB and Redis, with WireMock standing in for
 * WeChat's API: both modes, every message type and event, retries, the reply budget and every
 * refusal.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@Import(CleanDatabase.class)
class WeChatWebhookIT {

  static final String PLAIN_APP = "wxit00000000plain";
  static final String PLAIN_TOKEN = "it-plain-token";
  // WeChat's official encryption sample account
  static final String SAFE_APP = "wxb11529c136998cb6";
  static final String SAFE_TOKEN = "pamtest";
  static final String SAFE_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
  static final String SAMPLE_CIPHER =
      "jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==";

  @RegisterExtension
  static WireMockExtension wechat =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @DynamicPropertySource
  static void accounts(DynamicPropertyRegistry p) {
    p.add("gridbot.wechat.api-base-url", wechat::baseUrl);
    p.add("gridbot.wechat.accounts[0].app-id", () -> PLAIN_APP);
    p.add("gridbot.wechat.accounts[0].secret", () -> "it-secret-1");
    p.add("gridbot.wechat.accounts[0].token", () -> PLAIN_TOKEN);
    p.add("gridbot.wechat.accounts[1].app-id", () -> SAFE_APP);
    p.add("gridbot.wechat.accounts[1].secret", () -> "it-secret-2");
    p.add("gridbot.wechat.accounts[1].token", () -> SAFE_TOKEN);
    p.add("gridbot.wechat.accounts[1].aes-key", () -> SAFE_KEY);
    p.add("gridbot.wechat.reply-budget", () -> "2s");
    p.add("gridbot.wechat.menu-keys.MY_BALANCE", () -> "查余额");
    p.add("gridbot.dialog.lock-wait", () -> "8s");
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired LockStore locks;
  @Autowired List<Outbound> outbounds;

  WeChatClient plain;
  WeChatClient safe;

  @BeforeEach
  void clients() {
    plain = new WeChatClient(port, PLAIN_APP, PLAIN_TOKEN, null);
    safe = new WeChatClient(port, SAFE_APP, SAFE_TOKEN, SAFE_KEY);
    wechat.stubFor(
        get(urlPathEqualTo("/cgi-bin/token"))
            .willReturn(okJson("{\"access_token\":\"it-token\",\"expires_in\":7200}")));
    wechat.stubFor(
        post(urlPathEqualTo("/cgi-bin/stable_token"))
            .willReturn(okJson("{\"access_token\":\"it-token\",\"expires_in\":7200}")));
    wechat.stubFor(
        post(urlPathEqualTo("/cgi-bin/message/custom/send"))
            .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
  }

  @Test
  void answersTheUrlCheckOnlyWhenSigned() {
    long ts = Instant.now().getEpochSecond();
    String sig = WeChatClient.sha1(PLAIN_TOKEN, Long.toString(ts), "n1");
    String ok = "?signature=" + sig + "&timestamp=" + ts + "&nonce=n1&echostr=hello-echo";

    assertThat(getUrl(PLAIN_APP + ok).body()).isEqualTo("hello-echo");
    assertThat(getUrl(PLAIN_APP + ok.replace("n1&", "n2&")).statusCode()).isEqualTo(403);
    assertThat(getUrl("wxunknown0000000" + ok).statusCode()).isEqualTo(404);
    assertThat(getUrl(PLAIN_APP + "?timestamp=" + ts + "&nonce=n1&echostr=x").statusCode())
        .isEqualTo(403);
  }

  @Test
  void aTextGetsAPassiveTextReplyFromTheAssistant() {
    HttpResponse<String> response = plain.post(plain.textXml(WeChatClient.nextMsgId(), "你好"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("<ToUserName><![CDATA[" + plain.openId + "]]></ToUserName>")
        .contains("<FromUserName><![CDATA[gh_it]]></FromUserName>")
        .contains("<MsgType><![CDATA[text]]></MsgType>")
        .contains("您好");
  }

  @Test
  void inSafeModeACustomerBindsAndGetsTheBalanceInEncryptedReplies() {
    HttpResponse<String> first =
        safe.post(safe.textXml(WeChatClient.nextMsgId(), "绑定户号3300000002"));
    assertThat(first.body()).contains("<Encrypt>").contains("<MsgSignature>").doesNotContain("后四位");
    assertThat(safe.content(first)).contains("后四位");
    assertThat(safe.say("0002")).contains("绑定成功");
    assertThat(safe.say("查一下余额")).contains("3300****02");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from channel_binding where channel = 'wechat' and channel_user_id = ?",
                Integer.class,
                SAFE_APP + ":" + safe.openId))
        .isEqualTo(1);
  }

  @Test
  void theOfficialSampleDecryptsThroughTheWebhook() {
    // the sample's plaintext is not a message: decrypted and accepted as this appid's, then
    // refused as malformed XML (400), not as forged (403)
    long ts = Instant.now().getEpochSecond();
    String nonce = "sample";
    String query =
        "?signature="
            + WeChatClient.sha1(SAFE_TOKEN, "" + ts, nonce)
            + "&timestamp="
            + ts
            + "&nonce="
            + nonce
            + "&encrypt_type=aes&msg_signature="
            + WeChatClient.sha1(SAFE_TOKEN, "" + ts, nonce, SAMPLE_CIPHER);
    String body =
        "<xml><ToUserName><![CDATA[gh_it]]></ToUserName><Encrypt><![CDATA["
            + SAMPLE_CIPHER
            + "]]></Encrypt></xml>";
    assertThat(postRaw(SAFE_APP + query, body).statusCode()).isEqualTo(400);
    // the same ciphertext with a tampered msg_signature is forged
    assertThat(
            postRaw(SAFE_APP + query.replace("msg_signature=", "msg_signature=0"), body)
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void refusesForgedReplayedOversizedHostileAndMalformedRequestsChangingNothing() {
    String xml = plain.textXml(WeChatClient.nextMsgId(), "你好");
    long now = Instant.now().getEpochSecond();

    // forged signature
    assertThat(postRaw(PLAIN_APP + "?signature=00&timestamp=" + now + "&nonce=1", xml).statusCode())
        .isEqualTo(403);
    // replayed (6 minutes old) and from the future
    assertThat(plain.post(xml, now - 360).statusCode()).isEqualTo(403);
    assertThat(plain.post(xml, now + 600).statusCode()).isEqualTo(403);
    // oversized
    assertThat(plain.post(plain.textXml(WeChatClient.nextMsgId(), "电".repeat(30_000))).statusCode())
        .isEqualTo(413);
    // XXE: refused before any parsing, the entity never expanded
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + xml.replace("你好", "&x;");
    HttpResponse<String> hostile = plain.post(xxe);
    assertThat(hostile.statusCode()).isEqualTo(400);
    assertThat(hostile.body()).doesNotContain("root:");
    // malformed XML, a message without a sender, an empty body
    assertThat(plain.post("<xml><MsgType>text</MsgType").statusCode()).isEqualTo(400);
    assertThat(
            plain
                .post("<xml><MsgType><![CDATA[text]]></MsgType><CreateTime>1</CreateTime></xml>")
                .statusCode())
        .isEqualTo(400);
    assertThat(plain.post(" ").statusCode()).isEqualTo(400);
    // a message encrypted for another official account
    String foreign =
        safe.encrypt("wxsomeoneelse00000", safe.textXml(WeChatClient.nextMsgId(), "你好"));
    String nonce = "f1";
    String query =
        "?signature="
            + WeChatClient.sha1(SAFE_TOKEN, "" + now, nonce)
            + "&timestamp="
            + now
            + "&nonce="
            + nonce
            + "&encrypt_type=aes&msg_signature="
            + WeChatClient.sha1(SAFE_TOKEN, "" + now, nonce, foreign);
    assertThat(
            postRaw(SAFE_APP + query, "<xml><Encrypt><![CDATA[" + foreign + "]]></Encrypt></xml>")
                .statusCode())
        .isEqualTo(403);

    // nothing reached the assistant
    assertThat(loggedMessages(plain)).isZero();
    assertThat(loggedMessages(safe)).isZero();
  }

  @Test
  void retriesOfAConfirmationPayOnceAndGetTheFirstReply() throws Exception {
    plain.say("绑定户号3300000001");
    plain.say("0001");
    assertThat(plain.say("交50元电费")).contains("确认");
    int before = orders("3300000001");

    // WeChat delivers the same confirmation three times at once
    String confirm = plain.textXml(WeChatClient.nextMsgId(), "确认");
    List<CompletableFuture<HttpResponse<String>>> deliveries =
        IntStream.range(0, 3)
            .mapToObj(i -> CompletableFuture.supplyAsync(() -> plain.post(confirm)))
            .toList();
    List<String> replies =
        deliveries.stream().map(CompletableFuture::join).map(plain::content).toList();

    assertThat(orders("3300000001")).isEqualTo(before + 1);
    assertThat(replies).filteredOn(r -> r.contains("交费订单") || r.contains("订单已生成")).hasSize(1);
    assertThat(replies).filteredOn("success"::equals).hasSize(2);
    // a later retry of the same message is answered with success, not run again
    assertThat(plain.content(plain.post(confirm))).isEqualTo("success");
    assertThat(orders("3300000001")).isEqualTo(before + 1);
  }

  @Test
  void aSlowReplyCrossesTheBudgetAndArrivesAsACustomerServiceMessage() {
    ConversationId conversation = new ConversationId("wechat", PLAIN_APP + ":" + plain.openId);
    // the conversation is busy for 3 s (another message of it on another instance)
    LockStore.Lease busy =
        locks.acquire("lock:" + conversation.key(), Duration.ofSeconds(10), Duration.ZERO);
    CompletableFuture.delayedExecutor(3, java.util.concurrent.TimeUnit.SECONDS)
        .execute(busy::release);

    long started = System.nanoTime();
    HttpResponse<String> response = plain.post(plain.textXml(WeChatClient.nextMsgId(), "你好"));

    assertThat(response.body()).isEqualTo("success");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2900));
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () ->
                wechat.verify(
                    postRequestedFor(urlPathEqualTo("/cgi-bin/message/custom/send"))
                        .withRequestBody(containing(plain.openId))
                        .withRequestBody(containing("您好"))));
  }

  @Test
  void followsUnfollowsAndDeliveryReportsAreRecorded() {
    long ts = Instant.now().getEpochSecond();
    HttpResponse<String> follow = plain.post(plain.eventXml("subscribe", "qrscene_hall07", ts));
    assertThat(plain.content(follow)).contains("欢迎关注").contains("绑定户号");

    assertThat(
            plain
                .post(
                    plain
                        .eventXml("TEMPLATESENDJOBFINISH", null, ts + 1)
                        .replace(
                            "</xml>",
                            "<MsgID>200163836</MsgID><Status><![CDATA[failed:user block]]></Status></xml>"))
                .body())
        .isEqualTo("success");
    assertThat(plain.post(plain.eventXml("unsubscribe", null, ts + 2)).body()).isEqualTo("success");
    // WeChat's retry of the follow event is not recorded twice
    plain.post(plain.eventXml("subscribe", "qrscene_hall07", ts));

    assertThat(
            jdbc.queryForList(
                "select concat(event, ' ', coalesce(detail, ''), ' ', coalesce(platform_msg_id, ''))"
                    + " from channel_user_event where channel_user_id = ? order by id",
                String.class,
                PLAIN_APP + ":" + plain.openId))
        .containsExactly(
            "FOLLOW qrscene_hall07 ", "DELIVERY failed:user block 200163836", "UNFOLLOW  ");
  }

  @Test
  void voiceLocationImageLinkAndMenuClicksEachDoTheirThing() {
    // voice: its recognition goes to the assistant; without one, a prompt to type
    assertThat(
            plain.content(
                plain.post(
                    plain.messageXml(
                        "voice",
                        "<MediaId><![CDATA[v1]]></MediaId><Format><![CDATA[amr]]></Format><Recognition><![CDATA[家里突然停电了]]></Recognition>"))))
        .contains("故障在哪里");
    // location: fills the fault report's place
    assertThat(
            plain.content(
                plain.post(
                    plain.messageXml(
                        "location",
                        "<Location_X>30.274</Location_X><Location_Y>120.155</Location_Y><Scale>15</Scale><Label><![CDATA[幸福小区3栋]]></Label>"))))
        .contains("联系电话");
    assertThat(plain.say("13912345678")).contains("照片");
    // image: attached to the report
    assertThat(
            plain.content(
                plain.post(
                    plain.messageXml(
                        "image",
                        "<PicUrl><![CDATA[http://mmbiz.example/p.jpg]]></PicUrl><MediaId><![CDATA[media-fault-7]]></MediaId>"))))
        .contains("已收到1张照片");
    assertThat(plain.say("1")).contains("幸福小区3栋");
    assertThat(plain.say("确认")).contains("工单号");
    assertThat(
            jdbc.queryForObject(
                "select (select count(*) from repair_ticket_photo where media_ref = 'wechat-media:media-fault-7')"
                    + " + (select count(*) from outage_report_photo where media_ref = 'wechat-media:media-fault-7')",
                Integer.class))
        .isEqualTo(1);

    assertThat(
            plain.content(
                plain.post(
                    plain.messageXml(
                        "voice",
                        "<MediaId><![CDATA[v2]]></MediaId><Format><![CDATA[amr]]></Format>"))))
        .contains("没听清");
    assertThat(
            plain.content(
                plain.post(
                    plain.messageXml(
                        "link",
                        "<Title><![CDATA[t]]></Title><Url><![CDATA[http://x.example]]></Url>"))))
        .contains("看不懂");
    // a menu click: its configured text goes to the assistant
    long ts = Instant.now().getEpochSecond();
    assertThat(plain.content(plain.post(plain.eventXml("CLICK", "MY_BALANCE", ts))))
        .contains("还没有绑定户号");
    // VIEW and unknown keys: nothing to say
    assertThat(plain.post(plain.eventXml("VIEW", "https://example.com", ts + 1)).body())
        .isEqualTo("success");
    assertThat(plain.post(plain.eventXml("CLICK", "NO_SUCH_KEY", ts + 2)).body())
        .isEqualTo("success");
  }

  @Test
  void aReportedLocationIsUsedWhenTheUserSaysHere() {
    long ts = Instant.now().getEpochSecond();
    plain.post(
        plain
            .eventXml("LOCATION", null, ts)
            .replace(
                "</xml>",
                "<Latitude>30.274</Latitude><Longitude>120.155</Longitude><Precision>20</Precision></xml>"));

    assertThat(plain.say("我这停电了")).contains("联系电话").doesNotContain("故障在哪里");
  }

  @Test
  void agentRepliesGoOutAsCustomerServiceMessagesWithinTheWindow() {
    Outbound wechatOut =
        outbounds.stream().filter(o -> o.channel().equals("wechat")).findFirst().orElseThrow();
    ConversationId conversation = new ConversationId("wechat", PLAIN_APP + ":" + plain.openId);

    // before the user wrote: outside the window, WeChat is not called
    assertThatThrownBy(() -> wechatOut.send(conversation, List.of(Reply.text("人工客服小王为您服务"))))
        .hasMessageContaining("45015");
    plain.say("你好");
    wechatOut.send(conversation, List.of(Reply.text("人工客服小王为您服务")));

    wechat.verify(
        1,
        postRequestedFor(urlPathEqualTo("/cgi-bin/message/custom/send"))
            .withRequestBody(containing("人工客服小王为您服务"))
            .withRequestBody(containing(plain.openId)));
  }

  @Test
  void anAgentAnswersAWeChatCustomerThroughCustomerServiceMessagesAndHandsBack() {
    // the customer asks for a human
    assertThat(plain.say("转人工")).contains("人工客服");
    StaffClient staff = StaffClient.demoStaff(port);
    long id = -1;
    for (JsonNode item : StaffClient.json(staff.get("/api/staff/handoffs"))) {
      if (item.get("handoff")
          .get("channelUserId")
          .asString()
          .equals(PLAIN_APP + ":" + plain.openId)) {
        id = item.get("handoff").get("id").asLong();
      }
    }
    assertThat(id).as("the WeChat conversation is queued").isPositive();

    // an agent claims it and answers: the answer reaches WeChat as a customer-service message
    assertThat(staff.post("/api/staff/handoffs/" + id + "/claim", "{}").statusCode())
        .isEqualTo(200);
    assertThat(
            staff
                .post("/api/staff/handoffs/" + id + "/reply", "{\"text\":\"您好，我是客服小王\"}")
                .statusCode())
        .isEqualTo(200);
    wechat.verify(
        postRequestedFor(urlPathEqualTo("/cgi-bin/message/custom/send"))
            .withRequestBody(containing("您好，我是客服小王"))
            .withRequestBody(containing(plain.openId)));

    // while the agent holds it the robot is silent, and the agent sees what the customer says
    assertThat(plain.say("我家停电两小时了")).isEqualTo("success");
    assertThat(staff.get("/api/staff/handoffs/" + id + "/history").body()).contains("我家停电两小时了");

    // released: the customer is told, through WeChat, that the robot is back
    assertThat(staff.post("/api/staff/handoffs/" + id + "/release", "{}").statusCode())
        .isEqualTo(200);
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        wechat.findAll(
                            postRequestedFor(urlPathEqualTo("/cgi-bin/message/custom/send"))
                                .withRequestBody(containing(plain.openId))))
                    .hasSizeGreaterThanOrEqualTo(2));
  }

  private int loggedMessages(WeChatClient client) {
    return jdbc.queryForObject(
        "select count(*) from conversation_log where channel = 'wechat' and channel_user_id = ?",
        Integer.class,
        client.appId + ":" + client.openId);
  }

  private int orders(String account) {
    return jdbc.queryForObject(
        "select count(*) from payment_order where account_no = ?", Integer.class, account);
  }

  private HttpResponse<String> getUrl(String pathAndQuery) {
    return plain.send(HttpRequest.newBuilder(URI.create(plain.base + pathAndQuery)).GET());
  }

  private HttpResponse<String> postRaw(String pathAndQuery, String body) {
    return plain.send(
        HttpRequest.newBuilder(URI.create(plain.base + pathAndQuery))
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }
}
