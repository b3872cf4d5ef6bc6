package io.gridbot.app.alipay;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alipay.api.internal.util.AlipaySignature;
import io.gridbot.app.CleanDatabase;
import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.autodebit.AutoDebitChannel;
import io.gridbot.service.autodebit.AutoDebitService;
import io.gridbot.service.payment.LedgerService;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
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
 * Auto-debit with Alipay end to end over HTTP, against MariaDB, Redis and WireMock playing Alipay
 * (answers signed with a stand-in key): sign through Alipay's page and its sign notification, a due
 * bill deducted once by the scheduled job however often it runs, a refused deduction recorded and
 * not charged, Alipay's unsign notice and the customer's cancellation stopping deductions, and
 * forged notifications changing nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@Import(CleanDatabase.class)
class AlipayAutoDebitIT {

  static final FakeAlipay ALIPAY = new FakeAlipay();
  static final AtomicLong SEQUENCE = new AtomicLong();

  @DynamicPropertySource
  static void alipay(DynamicPropertyRegistry registry) {
    registry.add("gridbot.alipay.app-id", () -> FakeAlipay.APP_ID);
    registry.add("gridbot.alipay.app-private-key", ALIPAY.app::privateKey);
    registry.add("gridbot.alipay.alipay-public-key", ALIPAY.alipay::publicKey);
    registry.add("gridbot.alipay.gateway-url", ALIPAY::gatewayUrl);
    registry.add("gridbot.alipay.seller-id", () -> FakeAlipay.SELLER_ID);
    registry.add("gridbot.alipay.notify-url", () -> "https://gridbot.test/alipay/notify");
    registry.add("gridbot.alipay.auto-debit.interval", () -> "PT0.5S");
    registry.add("gridbot.alipay.auto-debit.initial-delay", () -> "PT0.5S");
  }

  @AfterAll
  static void stop() {
    ALIPAY.gateway.stop();
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired AutoDebitService autoDebit;
  @Autowired LedgerService ledger;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void signDeductOnceFailUnsignAndForgedNotices() throws Exception {
    ALIPAY.answers(
        "alipay.open.public.message.custom.send", "{\"code\":\"10000\",\"msg\":\"Success\"}");
    ALIPAY.answers("alipay.user.agreement.unsign", "{\"code\":\"10000\",\"msg\":\"Success\"}");

    // sign: the dialog's pending agreement, Alipay's page, Alipay's signed notification
    Customer a = newCustomer();
    String external = signPage(a);
    assertThat(notify(signNotice(external, a.agreementNo()), ALIPAY.alipay.privateKey()))
        .isEqualTo("success");
    assertThat(agreementState(a)).isEqualTo("SIGNED");
    assertThat(notify(signNotice(external, a.agreementNo()), ALIPAY.alipay.privateKey()))
        .isEqualTo("success");

    // a forged sign notification (signed with the app's key) changes nothing
    Customer forged = newCustomer();
    String forgedExternal = signPage(forged);
    assertThat(notify(signNotice(forgedExternal, forged.agreementNo()), ALIPAY.app.privateKey()))
        .isEqualTo("failure");
    assertThat(agreementState(forged)).isEqualTo("PENDING");

    // a due bill is deducted by the job, once, however often the job runs
    ALIPAY.answers(
        "alipay.trade.pay",
        a.agreementNo(),
        "{\"code\":\"10000\",\"msg\":\"Success\",\"trade_no\":\"2026112722"
            + a.agreementNo().substring(10)
            + "\",\"total_amount\":\"86.40\",\"gmt_payment\":\"2026-11-27 10:00:03\"}");
    long billA = bill(a, "2026-10", "86.40");
    await().atMost(Duration.ofSeconds(20)).until(() -> billPaid(billA));
    Thread.sleep(2500); // several more rounds of the job
    assertThat(deductions(a.agreementNo())).isEqualTo(1);
    assertThat(
            count("SELECT COUNT(*) FROM payment_order WHERE account_no = ? AND state = 'PAID'", a))
        .isEqualTo(1);
    assertThat(
            count(
                "SELECT COUNT(*) FROM ledger_entry WHERE account_no = ? AND entry_type = 'PAYMENT'",
                a))
        .isEqualTo(1);
    assertThat(arrears(a)).isEqualByComparingTo("0.00");
    assertThat(
            jdbc.queryForObject(
                "SELECT state FROM auto_debit_deduction WHERE bill_id = ?", String.class, billA))
        .isEqualTo("SUCCEEDED");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> ALIPAY.textsTo(a.userId()).stream().anyMatch(t -> t.contains("成功缴纳电费86.40元")));

    // a refused deduction is recorded, not charged, not tried again, and the customer is told
    Customer c = newCustomer();
    signPage(c);
    assertThat(notify(signNotice(external(c), c.agreementNo()), ALIPAY.alipay.privateKey()))
        .isEqualTo("success");
    ALIPAY.answers(
        "alipay.trade.pay",
        c.agreementNo(),
        "{\"code\":\"40004\",\"msg\":\"Business Failed\","
            + "\"sub_code\":\"ACQ.BUYER_BALANCE_NOT_ENOUGH\",\"sub_msg\":\"买家余额不足\"}");
    long billC = bill(c, "2026-10", "120.00");
    await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED".equals(deductionState(billC)));
    Thread.sleep(2500);
    assertThat(deductions(c.agreementNo())).isEqualTo(1);
    assertThat(billPaid(billC)).isFalse();
    assertThat(arrears(c)).isEqualByComparingTo("120.00");
    assertThat(
            count(
                "SELECT COUNT(*) FROM payment_order WHERE account_no = ? AND state = 'CLOSED'", c))
        .isEqualTo(1);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> ALIPAY.textsTo(c.userId()).stream().anyMatch(t -> t.contains("自动扣费未成功")));

    // Alipay's unsign notice stops deductions; a forged one changes nothing
    Map<String, String> unsign = unsignNotice(external, a.agreementNo());
    assertThat(notify(unsign, ALIPAY.app.privateKey())).isEqualTo("failure");
    assertThat(agreementState(a)).isEqualTo("SIGNED");
    assertThat(notify(unsign, ALIPAY.alipay.privateKey())).isEqualTo("success");
    assertThat(agreementState(a)).isEqualTo("UNSIGNED");
    long laterA = bill(a, "2026-11", "40.00");
    Thread.sleep(2500);
    assertThat(deductions(a.agreementNo())).isEqualTo(1);
    assertThat(billPaid(laterA)).isFalse();
    assertThat(deductionState(laterA)).isNull();

    // the customer's cancellation (as the dialog does it) is sent to Alipay and stops deductions
    autoDebit.unsign(c.no());
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> requests("alipay.user.agreement.unsign", c.agreementNo()) == 1);
    long laterC = bill(c, "2026-11", "30.00");
    Thread.sleep(2500);
    assertThat(deductionState(laterC)).isNull();
    assertThat(deductions(c.agreementNo())).isEqualTo(1);
  }

  @Test
  void aSignPageForNothingPendingIsNotFound() throws Exception {
    HttpResponse<String> page = get("/alipay/autodebit/sign/chat:no-such-request");
    assertThat(page.statusCode()).isEqualTo(404);
  }

  // --- helpers

  record Customer(AccountNo no, String userId, String requestId, String agreementNo) {}

  Customer newCustomer() {
    long n = SEQUENCE.incrementAndGet();
    String run =
        String.format("%06d", Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000));
    AccountNo no = new AccountNo("78" + run.substring(0, 4) + String.format("%04d", n));
    jdbc.update("INSERT INTO customer (name) VALUES ('测试用户')");
    Long customerId = jdbc.queryForObject("SELECT MAX(id) FROM customer", Long.class);
    jdbc.update(
        "INSERT INTO account (account_no, customer_id, billing_mode, balance, arrears, address,"
            + " area_code, registered_phone, status) VALUES (?, ?, 'POSTPAID', 0, 0, '测试地址',"
            + " 'CN-330106-017', '13800000001', 'ACTIVE')",
        no.value(),
        customerId);
    return new Customer(
        no,
        "2088" + run + String.format("%06d", n),
        "chat:" + UUID.randomUUID(),
        "2021" + run + String.format("%010d", n));
  }

  /** Requests signing as the dialog does, opens the signing link; our external agreement no. */
  String signPage(Customer c) throws Exception {
    autoDebit.requestSigning(
        c.no(), new ChannelUser("alipay", c.userId()), AutoDebitChannel.ALIPAY, c.requestId());
    HttpResponse<String> page = get("/alipay/autodebit/sign/" + c.requestId());
    assertThat(page.statusCode()).isEqualTo(302);
    String location = page.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith(ALIPAY.gatewayUrl() + "?");
    Map<String, String> query =
        FakeAlipay.form(URI.create(location).getRawQuery(), StandardCharsets.UTF_8);
    assertThat(query).containsEntry("method", "alipay.user.agreement.page.sign");
    assertThat(query).containsEntry("notify_url", "https://gridbot.test/alipay/notify");
    assertThat(query.get("biz_content"))
        .contains("\"personal_product_code\":\"GENERAL_WITHHOLDING_P\"")
        .contains("\"channel\":\"ALIPAYAPP\"");
    // the request is signed with the application's key
    assertThat(
            AlipaySignature.rsaCheckV2(
                new LinkedHashMap<>(query), ALIPAY.app.publicKey(), "UTF-8", "RSA2"))
        .isTrue();
    Matcher external =
        Pattern.compile("\"external_agreement_no\":\"([A-Za-z0-9]+)\"")
            .matcher(query.get("biz_content"));
    assertThat(external.find()).isTrue();
    return external.group(1);
  }

  String external(Customer c) {
    return "AD"
        + jdbc.queryForObject(
            "SELECT id FROM auto_debit_agreement WHERE request_id = ?", Long.class, c.requestId());
  }

  Map<String, String> signNotice(String external, String agreementNo) {
    Map<String, String> n = new LinkedHashMap<>();
    n.put("notify_type", "dut_user_sign");
    n.put("notify_id", "n" + UUID.randomUUID());
    n.put("notify_time", "2026-11-27 10:00:00");
    n.put("app_id", FakeAlipay.APP_ID);
    n.put("external_agreement_no", external);
    n.put("agreement_no", agreementNo);
    n.put("personal_product_code", "GENERAL_WITHHOLDING_P");
    n.put("sign_scene", "INDUSTRY|DIGITAL_MEDIA");
    n.put("status", "NORMAL");
    n.put("sign_time", "2026-11-27 09:59:58");
    return n;
  }

  Map<String, String> unsignNotice(String external, String agreementNo) {
    Map<String, String> n = signNotice(external, agreementNo);
    n.put("notify_type", "dut_user_unsign");
    n.put("status", "UNSIGN");
    n.put("unsign_time", "2026-11-27 11:00:00");
    return n;
  }

  String notify(Map<String, String> fields, String key) throws Exception {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/alipay/notify"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(ALIPAY.notification(fields, key)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return answer.body();
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A bill issued and charged to the account (its arrears rise); its id. */
  long bill(Customer c, String period, String amount) {
    jdbc.update(
        "INSERT INTO bill (account_no, period, kwh_peak, kwh_valley, kwh_flat, amount, due_date,"
            + " paid, paid_at) VALUES (?, ?, 100, 80, 30, ?, ?, FALSE, NULL)",
        c.no().value(),
        period,
        new BigDecimal(amount),
        YearMonth.parse(period).plusMonths(1).atDay(25));
    ledger.chargeBill(c.no(), YearMonth.parse(period));
    return jdbc.queryForObject(
        "SELECT id FROM bill WHERE account_no = ? AND period = ?",
        Long.class,
        c.no().value(),
        period);
  }

  int deductions(String agreementNo) {
    return requests("alipay.trade.pay", agreementNo);
  }

  int requests(String method, String bodyPart) {
    return ALIPAY
        .gateway
        .findAll(
            postRequestedFor(urlPathEqualTo("/gateway.do"))
                .withQueryParam("method", equalTo(method))
                .withRequestBody(containing(bodyPart)))
        .size();
  }

  boolean billPaid(long billId) {
    return jdbc.queryForObject("SELECT paid FROM bill WHERE id = ?", Boolean.class, billId);
  }

  String deductionState(long billId) {
    return jdbc
        .queryForList(
            "SELECT state FROM auto_debit_deduction WHERE bill_id = ?", String.class, billId)
        .stream()
        .findFirst()
        .orElse(null);
  }

  String agreementState(Customer c) {
    return jdbc.queryForObject(
        "SELECT state FROM auto_debit_agreement WHERE request_id = ?", String.class, c.requestId());
  }

  BigDecimal arrears(Customer c) {
    return jdbc.queryForObject(
        "SELECT arrears FROM account WHERE account_no = ?", BigDecimal.class, c.no().value());
  }

  int count(String sql, Customer c) {
    return jdbc.queryForObject(sql, Integer.class, c.no().value());
  }
}
