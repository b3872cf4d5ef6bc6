package io.gridbot.channel.alipay;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.alipay.api.internal.util.AlipaySignature;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.gridbot.service.port.AutoDebitAgreements;
import io.gridbot.service.port.AutoDebitAgreements.CancelledByCustomer;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Auto-debit against WireMock playing Alipay's gateway (answers signed with a key pair standing in
 * for Alipay's): the signing link, the sign and unsign notifications, the deduction round and the
 * unsign call, over a fake of the business port.
 */
class AlipayAutoDebitIT {

  static final TestKeys APP = TestKeys.generate();
  static final TestKeys ALIPAY = TestKeys.generate();
  static final WireMockServer GATEWAY =
      new WireMockServer(WireMockConfiguration.options().dynamicPort());

  static {
    GATEWAY.start();
  }

  AlipaySettings settings = AlipayFixture.settings(APP, ALIPAY, GATEWAY.baseUrl());
  AlipayAutoDebitSettings autoDebitSettings = AlipayAutoDebitSettings.defaults();
  AlipayApi api = new AlipayApi(settings);
  FakeAgreements port = new FakeAgreements();
  AlipayApiIT.FakeLocks locks = new AlipayApiIT.FakeLocks();
  AlipayAutoDebit autoDebit =
      new AlipayAutoDebit(
          settings,
          autoDebitSettings,
          port,
          api,
          locks,
          Clock.fixed(Instant.parse("2026-11-27T02:00:00Z"), ZoneOffset.UTC));

  @AfterAll
  static void stop() {
    GATEWAY.stop();
  }

  @BeforeEach
  void reset() {
    GATEWAY.resetAll();
  }

  @Test
  void theSigningLinkIsAnAppSignedPageSignRequestForThePendingAgreement() throws Exception {
    port.pending.put(
        "chat:form-1",
        new AutoDebitAgreements.PendingAgreement(
            "chat:form-1",
            "AD7",
            "alipay",
            "3300****01",
            "alipay",
            "2088000000000009",
            Instant.now()));

    String url = autoDebit.signUrl("chat:form-1").orElseThrow();

    assertThat(url).startsWith(GATEWAY.baseUrl() + "/gateway.do?");
    Map<String, String> query = query(url);
    assertThat(query).containsEntry("method", "alipay.user.agreement.page.sign");
    assertThat(query).containsEntry("notify_url", "https://gridbot.test/alipay/notify");
    assertThat(query.get("biz_content"))
        .contains("\"personal_product_code\":\"GENERAL_WITHHOLDING_P\"")
        .contains("\"external_agreement_no\":\"AD7\"")
        .contains("\"sign_scene\":\"INDUSTRY|DIGITAL_MEDIA\"")
        .contains("\"channel\":\"ALIPAYAPP\"");
    assertThat(
            AlipaySignature.rsaCheckV2(
                new LinkedHashMap<>(query), APP.publicKey(), "UTF-8", "RSA2"))
        .isTrue();
    assertThat(autoDebit.signUrl("chat:unknown")).isEmpty();
    port.pending.put(
        "chat:wx",
        new AutoDebitAgreements.PendingAgreement(
            "chat:wx", "AD8", "wechat", "3300****01", "wechat", "o1", Instant.now()));
    assertThat(autoDebit.signUrl("chat:wx")).isEmpty();
  }

  @Test
  void aSignNoticeSignedByAlipayIsRecordedAndAForgedOneIsNot() throws Exception {
    Map<String, String> notice = signNotice("AD7", "20215527000000000001");

    String forged = autoDebit.notified(signed(notice, APP.privateKey()));
    assertThat(forged).isEqualTo("failure");
    assertThat(port.calls).isEmpty();

    String answer = autoDebit.notified(signed(notice, ALIPAY.privateKey()));
    assertThat(answer).isEqualTo("success");
    assertThat(port.calls).containsExactly("signed:AD7:20215527000000000001");

    Map<String, String> tampered = signed(notice, ALIPAY.privateKey());
    tampered.put("external_agreement_no", "AD8");
    assertThat(autoDebit.notified(tampered)).isEqualTo("failure");
    assertThat(port.calls).hasSize(1);
  }

  @Test
  void aSignNoticeForAnAgreementCancelledMeanwhileUnsignsItAtAlipay() throws Exception {
    port.refuseSigning = AutoDebitAgreements.Refusal.NOT_ALLOWED;
    answer("alipay.user.agreement.unsign", "{\"code\":\"10000\",\"msg\":\"Success\"}");

    String answer =
        autoDebit.notified(signed(signNotice("AD7", "20215527000000000002"), ALIPAY.privateKey()));

    assertThat(answer).isEqualTo("success");
    assertThat(bizContents("alipay.user.agreement.unsign"))
        .singleElement()
        .asString()
        .contains("\"agreement_no\":\"20215527000000000002\"");

    port.refuseSigning = AutoDebitAgreements.Refusal.NOT_FOUND;
    assertThat(
            autoDebit.notified(
                signed(signNotice("AD9", "20215527000000000003"), ALIPAY.privateKey())))
        .isEqualTo("failure");
  }

  @Test
  void anUnsignNoticeStopsTheAgreement() throws Exception {
    Map<String, String> notice = new LinkedHashMap<>();
    notice.put("notify_type", "dut_user_unsign");
    notice.put("notify_id", "n2");
    notice.put("notify_time", "2026-11-27 10:00:00");
    notice.put("app_id", "2021000000000001");
    notice.put("agreement_no", "20215527000000000001");
    notice.put("external_agreement_no", "AD7");
    notice.put("status", "UNSIGN");

    assertThat(autoDebit.notified(signed(notice, ALIPAY.privateKey()))).isEqualTo("success");
    assertThat(port.calls).containsExactly("unsigned:alipay:20215527000000000001");
    assertThat(AlipayAutoDebit.concerns(notice)).isTrue();
    assertThat(AlipayAutoDebit.concerns(Map.of("notify_type", "trade_status_sync"))).isFalse();
  }

  @Test
  void aRoundDeductsDueBillsAndRecordsPaidRefusedAndUnknownOutcomes() throws Exception {
    port.due("P20261127100000000000001", "AG1", "86.40");
    port.due("P20261127100000000000002", "AG2", "50.00");
    port.due("P20261127100000000000003", "AG3", "20.00");
    answerWhen(
        "alipay.trade.pay",
        "P20261127100000000000001",
        "{\"code\":\"10000\",\"msg\":\"Success\",\"trade_no\":\"2026112722001\","
            + "\"out_trade_no\":\"P20261127100000000000001\",\"total_amount\":\"86.40\","
            + "\"gmt_payment\":\"2026-11-27 10:00:03\"}");
    answerWhen(
        "alipay.trade.pay",
        "P20261127100000000000002",
        "{\"code\":\"40004\",\"msg\":\"Business Failed\","
            + "\"sub_code\":\"ACQ.BUYER_BALANCE_NOT_ENOUGH\",\"sub_msg\":\"余额不足\"}");
    answerWhen(
        "alipay.trade.pay",
        "P20261127100000000000003",
        "{\"code\":\"20000\",\"msg\":\"Service Currently Unavailable\","
            + "\"sub_code\":\"isp.unknow-error\"}");

    var result = autoDebit.run();

    assertThat(result).contains(new AlipayAutoDebit.Result(1, 1, 1));
    assertThat(port.calls)
        .contains(
            "succeeded:P20261127100000000000001:86.40:2026112722001",
            "failed:P20261127100000000000002:ACQ.BUYER_BALANCE_NOT_ENOUGH 余额不足")
        .noneMatch(c -> c.contains("P20261127100000000000003") && !c.startsWith("start"));
    assertThat(bizContents("alipay.trade.pay"))
        .anySatisfy(
            biz ->
                assertThat(biz)
                    .contains("\"out_trade_no\":\"P20261127100000000000001\"")
                    .contains("\"product_code\":\"GENERAL_WITHHOLDING\"")
                    .contains("\"agreement_no\":\"AG1\"")
                    .contains("\"total_amount\":\"86.40\""));

    locks.held = true;
    assertThat(autoDebit.run()).isEmpty();
  }

  @Test
  void aPendingDeductionThatMayNoLongerDeductIsOnlyLookedUp() throws Exception {
    port.due("P20261127100000000000004", "AG4", "30.00");
    port.next = AutoDebitAgreements.Deduction.Next.QUERY;
    answerWhen(
        "alipay.trade.query",
        "P20261127100000000000004",
        "{\"code\":\"10000\",\"msg\":\"Success\",\"trade_no\":\"2026112722004\","
            + "\"trade_status\":\"TRADE_SUCCESS\",\"total_amount\":\"30.00\"}");

    assertThat(autoDebit.run()).contains(new AlipayAutoDebit.Result(1, 0, 0));
    assertThat(bizContents("alipay.trade.pay")).isEmpty();
    assertThat(port.calls).contains("succeeded:P20261127100000000000004:30.00:2026112722004");
  }

  @Test
  void aCustomersCancellationIsSentToAlipay() throws Exception {
    answer("alipay.user.agreement.unsign", "{\"code\":\"10000\",\"msg\":\"Success\"}");

    autoDebit.cancelledByCustomer(new CancelledByCustomer("alipay", "chat:1", "AG5"));
    autoDebit.cancelledByCustomer(new CancelledByCustomer("wechat", "chat:2", "WX5"));
    autoDebit.cancelledByCustomer(new CancelledByCustomer("alipay", "chat:3", null));

    assertThat(bizContents("alipay.user.agreement.unsign"))
        .singleElement()
        .asString()
        .contains("\"agreement_no\":\"AG5\"")
        .contains("\"personal_product_code\":\"GENERAL_WITHHOLDING_P\"");
  }

  // --- helpers

  Map<String, String> signNotice(String external, String agreementNo) {
    Map<String, String> notice = new LinkedHashMap<>();
    notice.put("notify_type", "dut_user_sign");
    notice.put("notify_id", "n1");
    notice.put("notify_time", "2026-11-27 10:00:00");
    notice.put("app_id", "2021000000000001");
    notice.put("agreement_no", agreementNo);
    notice.put("external_agreement_no", external);
    notice.put("personal_product_code", "GENERAL_WITHHOLDING_P");
    notice.put("sign_scene", "INDUSTRY|DIGITAL_MEDIA");
    notice.put("alipay_user_id", "2088000000000009");
    notice.put("status", "NORMAL");
    return notice;
  }

  static Map<String, String> signed(Map<String, String> fields, String privateKey)
      throws Exception {
    Map<String, String> params = new LinkedHashMap<>(fields);
    params.put("charset", "utf-8");
    params.put(
        "sign",
        AlipaySignature.rsa256Sign(
            AlipaySignature.getSignCheckContentV1(params), privateKey, "utf-8"));
    params.put("sign_type", "RSA2");
    return params;
  }

  static Map<String, String> query(String url) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : URI.create(url).getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      fields.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return fields;
  }

  void answer(String method, String json) throws Exception {
    GATEWAY.stubFor(
        post(urlPathEqualTo("/gateway.do"))
            .withQueryParam("method", equalTo(method))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json;charset=utf-8")
                    .withBody(signedResponse(method, json))));
  }

  void answerWhen(String method, String bodyPart, String json) throws Exception {
    GATEWAY.stubFor(
        post(urlPathEqualTo("/gateway.do"))
            .withQueryParam("method", equalTo(method))
            .withRequestBody(containing(bodyPart))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json;charset=utf-8")
                    .withBody(signedResponse(method, json))));
  }

  /** Alipay's answer to {@code method}, signed with the stand-in key of this test. */
  static String signedResponse(String method, String json) throws Exception {
    return "{\""
        + method.replace('.', '_')
        + "_response\":"
        + json
        + ",\"sign\":\""
        + AlipaySignature.rsa256Sign(json, ALIPAY.privateKey(), "UTF-8")
        + "\"}";
  }

  List<String> bizContents(String method) {
    List<String> found = new ArrayList<>();
    for (var request :
        GATEWAY.findAll(
            postRequestedFor(urlPathEqualTo("/gateway.do"))
                .withQueryParam("method", equalTo(method)))) {
      for (String pair : request.getBodyAsString().split("&")) {
        if (pair.startsWith("biz_content=")) {
          found.add(
              URLDecoder.decode(pair.substring("biz_content=".length()), StandardCharsets.UTF_8));
        }
      }
    }
    return found;
  }

  /** The business port as a recording fake. */
  static final class FakeAgreements implements AutoDebitAgreements {
    final Map<String, PendingAgreement> pending = new LinkedHashMap<>();
    final List<DueBill> due = new ArrayList<>();
    final List<String> calls = new ArrayList<>();
    Refusal refuseSigning;
    Deduction.Next next = Deduction.Next.DEDUCT;

    void due(String outTradeNo, String agreementNo, String amount) {
      due.add(
          new DueBill(
              due.size() + 1,
              YearMonth.of(2026, 10),
              "3300****01",
              new BigDecimal(amount),
              agreementNo,
              outTradeNo));
    }

    @Override
    public Optional<PendingAgreement> pending(String requestId) {
      return Optional.ofNullable(pending.get(requestId));
    }

    @Override
    public void signed(String externalAgreementNo, String agreementNo) {
      if (refuseSigning != null) {
        throw new AgreementRefused(refuseSigning, "refused");
      }
      calls.add("signed:" + externalAgreementNo + ":" + agreementNo);
    }

    @Override
    public boolean unsigned(String channel, String agreementNo) {
      calls.add("unsigned:" + channel + ":" + agreementNo);
      return true;
    }

    @Override
    public List<DueBill> due(String channel, int limit) {
      return List.copyOf(due);
    }

    @Override
    public Deduction start(String channel, long billId) {
      DueBill bill = due.stream().filter(b -> b.billId() == billId).findFirst().orElseThrow();
      calls.add("start:" + bill.outTradeNo());
      return deduction(bill, "PENDING", next);
    }

    @Override
    public Deduction succeeded(String no, BigDecimal paid, String tradeNo, Instant paidAt) {
      calls.add("succeeded:" + no + ":" + paid.toPlainString() + ":" + tradeNo);
      return deduction(find(no), "SUCCEEDED", Deduction.Next.NONE);
    }

    @Override
    public Deduction failed(String no, String reason) {
      calls.add("failed:" + no + ":" + reason);
      return deduction(find(no), "FAILED", Deduction.Next.NONE);
    }

    private DueBill find(String no) {
      return due.stream().filter(b -> b.outTradeNo().equals(no)).findFirst().orElseThrow();
    }

    private static Deduction deduction(DueBill bill, String state, Deduction.Next next) {
      return new Deduction(
          bill.billId(),
          bill.period(),
          bill.accountMasked(),
          bill.outTradeNo(),
          bill.amount(),
          bill.agreementNo(),
          state,
          next);
    }
  }
}
