package io.gridbot.app.alipay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alipay.api.internal.util.AlipaySignature;
import io.gridbot.app.CleanDatabase;
import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.payment.PaymentChannel;
import io.gridbot.service.payment.PaymentService;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Alipay channel end to end over HTTP, against MariaDB, Redis and WireMock playing Alipay's
 * OpenAPI gateway: the service window handshake, follow, a conversation that binds and pays, the
 * payment notification (repeated and concurrent), refused notifications, reconciliation of a lost
 * notification, and bad input at the gateway.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@Import(CleanDatabase.class)
class AlipayChannelIT {

  static final Charset GBK = Charset.forName("GBK");
  static final FakeAlipay ALIPAY = new FakeAlipay();

  @DynamicPropertySource
  static void alipay(DynamicPropertyRegistry registry) {
    registry.add("gridbot.alipay.app-id", () -> FakeAlipay.APP_ID);
    registry.add("gridbot.alipay.app-private-key", ALIPAY.app::privateKey);
    registry.add("gridbot.alipay.alipay-public-key", ALIPAY.alipay::publicKey);
    registry.add("gridbot.alipay.gateway-url", ALIPAY::gatewayUrl);
    registry.add("gridbot.alipay.seller-id", () -> FakeAlipay.SELLER_ID);
    registry.add("gridbot.alipay.notify-url", () -> "https://gridbot.test/alipay/notify");
    registry.add("gridbot.alipay.welcome", () -> "欢迎关注国网电力生活号");
    registry.add("gridbot.alipay.menu.balance", () -> "查余额");
    registry.add("gridbot.alipay.reconcile-after", () -> "1ms");
    registry.add("gridbot.alipay.reconcile-interval", () -> "PT1S");
    registry.add("gridbot.alipay.reconcile-initial-delay", () -> "PT1S");
    registry.add("gridbot.alipay.refund-interval", () -> "PT1S");
    registry.add("gridbot.alipay.refund-initial-delay", () -> "PT1S");
    registry.add(
        "gridbot.assistant.pay-urls.alipay", () -> "https://gridbot.test/alipay/pay/{outTradeNo}");
  }

  @AfterAll
  static void stop() {
    ALIPAY.gateway.stop();
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired PaymentService payments;

  private final HttpClient http = HttpClient.newHttpClient();

  HttpResponse<byte[]> post(String path, String contentType, byte[] body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpResponse<byte[]> gateway(String service, String biz) throws Exception {
    return post(
        "/alipay/gateway",
        "application/x-www-form-urlencoded",
        ALIPAY.gatewayForm(service, biz, GBK).getBytes(StandardCharsets.US_ASCII));
  }

  String notify(String form) throws Exception {
    return new String(
        post(
                "/alipay/notify",
                "application/x-www-form-urlencoded; charset=utf-8",
                form.getBytes(StandardCharsets.US_ASCII))
            .body(),
        StandardCharsets.UTF_8);
  }

  /** Sends a text as the user and returns what the assistant sent back. */
  List<String> say(String user, String text) throws Exception {
    int before = ALIPAY.textsTo(user).size();
    String biz =
        FakeAlipay.message(
            user,
            "text",
            "<Text><Content><![CDATA[" + text + "]]></Content></Text>",
            "m" + UUID.randomUUID().toString().replace("-", ""));
    HttpResponse<byte[]> ack = gateway("alipay.mobile.public.message.notify", biz);
    assertThat(ack.statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(20)).until(() -> ALIPAY.textsTo(user).size() > before);
    Thread.sleep(300); // a turn may send more than one reply
    List<String> all = ALIPAY.textsTo(user);
    return all.subList(before, all.size());
  }

  static String newUser() {
    return "2088"
        + String.format(
            "%012d", Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000_000_000L));
  }

  Map<String, String> paidNotice(String outTradeNo, String amount, String tradeNo) {
    Map<String, String> n = new LinkedHashMap<>();
    n.put("notify_time", "2026-11-27 10:00:05");
    n.put("notify_type", "trade_status_sync");
    n.put("notify_id", "n" + UUID.randomUUID());
    n.put("app_id", FakeAlipay.APP_ID);
    n.put("seller_id", FakeAlipay.SELLER_ID);
    n.put("out_trade_no", outTradeNo);
    n.put("trade_no", tradeNo);
    n.put("trade_status", "TRADE_SUCCESS");
    n.put("total_amount", amount);
    n.put("subject", "电费缴纳");
    n.put("gmt_payment", "2026-11-27 10:00:03");
    return n;
  }

  BigDecimal balance(String account) {
    return jdbc.queryForObject(
        "select balance from account where account_no = ?", BigDecimal.class, account);
  }

  String orderState(String outTradeNo) {
    return jdbc.queryForObject(
        "select state from payment_order where out_trade_no = ?", String.class, outTradeNo);
  }

  @Test
  void theVerificationHandshakeIsAnsweredWithTheAppPublicKeySigned() throws Exception {
    String biz =
        "<XML><AppId>"
            + FakeAlipay.APP_ID
            + "</AppId><FromUserId>2088000000000009</FromUserId><CreateTime>"
            + System.currentTimeMillis()
            + "</CreateTime><MsgType>event</MsgType><EventType>verifygw</EventType></XML>";

    HttpResponse<byte[]> answer = gateway("alipay.service.check", biz);

    assertThat(answer.statusCode()).isEqualTo(200);
    String xml = new String(answer.body(), GBK);
    String content = between(xml, "<response>", "</response>");
    assertThat(content)
        .isEqualTo(
            "<success>true</success><biz_content>" + ALIPAY.app.publicKey() + "</biz_content>");
    assertThat(xml).contains("<sign_type>RSA2</sign_type>");
    assertThat(
            AlipaySignature.rsaCheck(
                content, between(xml, "<sign>", "</sign>"), ALIPAY.app.publicKey(), "GBK", "RSA2"))
        .isTrue();
  }

  @Test
  void aFollowerBindsByTextPaysAndTheNotifyCreditsOnceThoughRepeatedAndConcurrent()
      throws Exception {
    ALIPAY.answers(
        "alipay.open.public.message.custom.send", "{\"code\":\"10000\",\"msg\":\"Success\"}");
    String user = newUser();

    // follow: recorded, acknowledged with a signed ack, welcomed
    HttpResponse<byte[]> ack =
        gateway(
            "alipay.mobile.public.message.notify",
            FakeAlipay.message(user, "event", "<EventType>follow</EventType>", null));
    assertThat(new String(ack.body(), GBK))
        .contains("<MsgType><![CDATA[ack]]></MsgType>")
        .contains("<ToUserId><![CDATA[" + user + "]]></ToUserId>")
        .contains("<sign>");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                jdbc.queryForObject(
                        "select count(*) from channel_user_event where channel = 'alipay'"
                            + " and channel_user_id = ? and event = 'FOLLOW'",
                        Integer.class,
                        user)
                    == 1);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> ALIPAY.textsTo(user).contains("欢迎关注国网电力生活号"));

    // bind by the phone's last four digits
    assertThat(say(user, "绑定户号3300000001")).anyMatch(t -> t.contains("后四位"));
    assertThat(say(user, "0001")).anyMatch(t -> t.contains("绑定成功"));

    // a menu click is the configured text
    assertThat(
            gateway(
                    "alipay.mobile.public.message.notify",
                    FakeAlipay.message(
                        user,
                        "event",
                        "<EventType>click</EventType><ActionParam>balance</ActionParam>",
                        null))
                .statusCode())
        .isEqualTo(200);
    String balanceText = "余额" + balance("3300000001").toPlainString() + "元";
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> assertThat(ALIPAY.textsTo(user)).anyMatch(t -> t.contains(balanceText)));

    // pay: confirm, then a link to the Alipay cashier page
    assertThat(say(user, "帮我给3300000001交100元")).anyMatch(t -> t.contains("100.00"));
    List<String> link = say(user, "确认");
    Matcher m =
        Pattern.compile("https://gridbot\\.test/alipay/pay/([A-Za-z0-9_-]+)")
            .matcher(String.join("\n", link));
    assertThat(m.find()).as("a pay link in %s", link).isTrue();
    String outTradeNo = m.group(1);
    assertThat(orderState(outTradeNo)).isEqualTo("CREATED");

    // the cashier page submits alipay.trade.wap.pay to the gateway
    HttpResponse<String> page =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/alipay/pay/" + outTradeNo))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains(ALIPAY.gatewayUrl())
        .contains("alipay.trade.wap.pay")
        .contains(outTradeNo);

    // the notify, six times at once and once more: credited once
    BigDecimal before = balance("3300000001");
    String form =
        ALIPAY.notification(
            paidNotice(outTradeNo, "100.00", "2026112722001400001"), ALIPAY.alipay.privateKey());
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Callable<String>> calls = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      calls.add(() -> notify(form));
    }
    List<String> answers = new ArrayList<>();
    for (Future<String> f : pool.invokeAll(calls)) {
      answers.add(f.get());
    }
    pool.shutdown();
    answers.add(notify(form));

    assertThat(answers).containsOnly("success");
    assertThat(orderState(outTradeNo)).isEqualTo("PAID");
    assertThat(balance("3300000001")).isEqualByComparingTo(before.add(new BigDecimal("100")));
    assertThat(
            jdbc.queryForObject(
                "select count(*) from payment_order where channel_txn_id = '2026112722001400001'",
                Integer.class))
        .isEqualTo(1);

    // the order can no longer be paid from the page
    HttpResponse<String> again =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/alipay/pay/" + outTradeNo))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(again.statusCode()).isEqualTo(409);

    // unfollow is recorded
    gateway(
        "alipay.mobile.public.message.notify",
        FakeAlipay.message(user, "event", "<EventType>unfollow</EventType>", null));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                jdbc.queryForObject(
                        "select count(*) from channel_user_event where channel_user_id = ?"
                            + " and event = 'UNFOLLOW'",
                        Integer.class,
                        user)
                    == 1);
  }

  @Test
  void anAmountMismatchAForgeryAndAnotherAppChangeNothing() throws Exception {
    String no =
        payments
            .createOrder(
                new AccountNo("3300000002"),
                new BigDecimal("86.40"),
                PaymentChannel.ALIPAY,
                new ChannelUser("alipay", newUser()))
            .outTradeNo()
            .value();
    BigDecimal arrears =
        jdbc.queryForObject(
            "select arrears from account where account_no = '3300000002'", BigDecimal.class);

    String mismatch =
        notify(
            ALIPAY.notification(
                paidNotice(no, "0.01", "2026112722001400002"), ALIPAY.alipay.privateKey()));
    String forged =
        notify(
            ALIPAY.notification(
                paidNotice(no, "86.40", "2026112722001400003"), ALIPAY.app.privateKey()));
    Map<String, String> otherApp = paidNotice(no, "86.40", "2026112722001400004");
    otherApp.put("app_id", "2021000000000999");
    String wrongApp = notify(ALIPAY.notification(otherApp, ALIPAY.alipay.privateKey()));
    Map<String, String> tampered =
        FakeAlipay.form(
            ALIPAY.notification(
                paidNotice(no, "86.40", "2026112722001400005"), ALIPAY.alipay.privateKey()),
            StandardCharsets.UTF_8);
    tampered.put("trade_no", "2026112722001400006");
    String changed = notify(FakeAlipay.encode(tampered, StandardCharsets.UTF_8));

    assertThat(List.of(mismatch, forged, wrongApp, changed)).containsOnly("failure");
    assertThat(orderState(no)).isEqualTo("CREATED");
    assertThat(
            jdbc.queryForObject(
                "select arrears from account where account_no = '3300000002'", BigDecimal.class))
        .isEqualByComparingTo(arrears);
  }

  @Test
  void aLostNotifyIsSettledByReconciliation() throws Exception {
    String no =
        payments
            .createOrder(
                new AccountNo("3300000001"),
                new BigDecimal("30.00"),
                PaymentChannel.ALIPAY,
                new ChannelUser("alipay", newUser()))
            .outTradeNo()
            .value();
    ALIPAY.answers(
        "alipay.trade.query",
        no,
        "{\"code\":\"10000\",\"msg\":\"Success\",\"out_trade_no\":\""
            + no
            + "\",\"trade_no\":\"2026112722001400077\",\"trade_status\":\"TRADE_SUCCESS\","
            + "\"total_amount\":\"30.00\",\"send_pay_date\":\"2026-11-27 10:00:03\"}");

    await().atMost(Duration.ofSeconds(20)).until(() -> "PAID".equals(orderState(no)));
    assertThat(
            jdbc.queryForObject(
                "select channel_txn_id from payment_order where out_trade_no = ?",
                String.class,
                no))
        .isEqualTo("2026112722001400077");
  }

  @Test
  void aStaffRefundOverHttpReachesAlipayOnce() throws Exception {
    // given a paid Alipay order
    String no =
        payments
            .createOrder(
                new AccountNo("3300000001"),
                new BigDecimal("40.00"),
                PaymentChannel.ALIPAY,
                new ChannelUser("alipay", newUser()))
            .outTradeNo()
            .value();
    payments.confirm(
        new io.gridbot.service.payment.OutTradeNo(no),
        new BigDecimal("40.00"),
        "2026112722001400088",
        java.time.Instant.now());
    ALIPAY.answers(
        "alipay.trade.refund",
        no,
        "{\"code\":\"10000\",\"msg\":\"Success\",\"trade_no\":\"2026112722001400088\","
            + "\"out_trade_no\":\""
            + no
            + "\",\"fund_change\":\"Y\",\"refund_fee\":\"15.00\"}");

    // when staff refund part of it
    var response =
        io.gridbot.app.StaffClient.demoStaff(port)
            .post(
                "/api/staff/payments/" + no + "/refunds",
                "{\"amount\":15.00,\"reason\":\"多缴电费退回\"}");

    // then the refund job sends it to Alipay, once, and Alipay's fund_change Y succeeds it
    assertThat(response.statusCode()).isEqualTo(201);
    String outRefundNo =
        jdbc.queryForObject(
            "select out_refund_no from payment_refund where out_trade_no = ?", String.class, no);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                "SUCCEEDED"
                    .equals(
                        jdbc.queryForObject(
                            "select state from refund_dispatch where out_refund_no = ?",
                            String.class,
                            outRefundNo)));
    var sent =
        ALIPAY.gateway.findAll(
            com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                    com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/gateway.do"))
                .withQueryParam(
                    "method",
                    com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                        "alipay.trade.refund")));
    assertThat(sent).hasSize(1);
    String biz = java.net.URLDecoder.decode(sent.get(0).getBodyAsString(), StandardCharsets.UTF_8);
    assertThat(biz)
        .contains("\"out_trade_no\":\"" + no + "\"")
        .contains("\"out_request_no\":\"" + outRefundNo + "\"")
        .contains("\"refund_amount\":\"15.00\"");
  }

  @Test
  void badInputAtTheGatewayIsRefusedAndAReplayIsHandledOnce() throws Exception {
    ALIPAY.answers(
        "alipay.open.public.message.custom.send", "{\"code\":\"10000\",\"msg\":\"Success\"}");
    String user = newUser();
    String text =
        FakeAlipay.message(
            user, "text", "<Text><Content><![CDATA[你好]]></Content></Text>", "replay0001");

    // a bad signature
    Map<String, String> form =
        FakeAlipay.form(ALIPAY.gatewayForm("alipay.mobile.public.message.notify", text, GBK), GBK);
    form.put("biz_content", text.replace("你好", "查余额"));
    assertThat(
            post(
                    "/alipay/gateway",
                    "application/x-www-form-urlencoded",
                    FakeAlipay.encode(form, GBK).getBytes(StandardCharsets.US_ASCII))
                .statusCode())
        .isEqualTo(403);

    // a body over 64 KiB
    byte[] big = ("a=" + "x".repeat(70 * 1024)).getBytes(StandardCharsets.US_ASCII);
    assertThat(post("/alipay/gateway", "application/x-www-form-urlencoded", big).statusCode())
        .isEqualTo(413);

    // signed, but XML with a DOCTYPE, or not XML at all
    String doctype =
        "<!DOCTYPE XML [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + text.replace("你好", "&x;");
    assertThat(gateway("alipay.mobile.public.message.notify", doctype).statusCode()).isEqualTo(400);
    assertThat(gateway("alipay.mobile.public.message.notify", "<XML><AppId>").statusCode())
        .isEqualTo(400);
    assertThat(
            gateway(
                    "alipay.mobile.public.message.notify",
                    FakeAlipay.message("bad user id", "text", "<Text>x</Text>", null))
                .statusCode())
        .isEqualTo(400);

    // the same message delivered twice: acknowledged twice, handled once
    assertThat(gateway("alipay.mobile.public.message.notify", text).statusCode()).isEqualTo(200);
    assertThat(gateway("alipay.mobile.public.message.notify", text).statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(20)).until(() -> !ALIPAY.textsTo(user).isEmpty());
    Thread.sleep(1000);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from conversation_log where channel = 'alipay'"
                    + " and channel_user_id = ? and direction = 'IN'",
                Integer.class,
                user))
        .isEqualTo(1);
    assertThat(ALIPAY.textsTo(user)).hasSize(1);
  }

  private static String between(String s, String start, String end) {
    int from = s.indexOf(start);
    int to = s.indexOf(end, from);
    assertThat(from).as("%s in %s", start, s).isNotNegative();
    return s.substring(from + start.length(), to);
  }
}
