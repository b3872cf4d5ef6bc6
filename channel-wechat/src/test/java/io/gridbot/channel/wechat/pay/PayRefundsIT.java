package io.gridbot.channel.wechat.pay;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.gridbot.dialog.store.LockStore;
import io.gridbot.dialog.store.StateStores;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Staff refunds sent to a WireMock'd pay host answering as WeChat Pay does, signed. */
class PayRefundsIT {

  @RegisterExtension
  static WireMockExtension payHost =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String REFUNDS = "/v3/refund/domestic/refunds";
  private static final String ORDER = "P2026112710000000000011";
  private static final String REFUND = "R2026112710000000000011";

  private final PayFixture fixture = new PayFixture();
  private final FakeChannelRefunds refunds = new FakeChannelRefunds();
  private final LockStore locks = StateStores.inMemoryLockStore();
  private PayRefunds job;

  @BeforeEach
  void setUp() {
    WeChatPaySettings settings = fixture.settings(payHost.baseUrl());
    job = new PayRefunds(new PayHost(settings), refunds, locks);
  }

  private static String refundAnswer(String outRefundNo, String status) {
    return "{\"refund_id\":\"50000000382019052709732678859\",\"out_refund_no\":\""
        + outRefundNo
        + "\",\"transaction_id\":\"1217752501201407033233368018\",\"out_trade_no\":\""
        + ORDER
        + "\",\"channel\":\"ORIGINAL\",\"user_received_account\":\"招商银行信用卡0403\","
        + "\"create_time\":\"2026-11-27T10:34:56+08:00\",\"status\":\""
        + status
        + "\",\"funds_account\":\"AVAILABLE\",\"amount\":{\"total\":8880,\"refund\":3000,"
        + "\"payer_total\":8880,\"payer_refund\":3000,\"settlement_refund\":3000,"
        + "\"settlement_total\":8880,\"discount_refund\":0,\"currency\":\"CNY\"}}";
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder error(
      int status, String code, String message) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}");
  }

  @Test
  void aPendingRefundIsSentOnceWithItsNumbersInFen() {
    // given
    refunds.add("wechat", REFUND, ORDER, "30.00", "88.80");
    payHost.stubFor(
        post(urlEqualTo(REFUNDS))
            .willReturn(fixture.signedJson(200, refundAnswer(REFUND, "PROCESSING"))));

    // when the job runs twice
    PayRefunds.Result first = job.send();
    PayRefunds.Result second = job.send();

    // then
    assertThat(first).isEqualTo(new PayRefunds.Result(1, 0, 0));
    assertThat(second).isEqualTo(new PayRefunds.Result(0, 0, 0));
    assertThat(refunds.row(REFUND).state).isEqualTo("SENT");
    assertThat(refunds.row(REFUND).platformRefundId).isEqualTo("50000000382019052709732678859");
    payHost.verify(
        1,
        postRequestedFor(urlEqualTo(REFUNDS))
            .withRequestBody(
                equalToJson(
                    "{\"out_trade_no\":\""
                        + ORDER
                        + "\",\"out_refund_no\":\""
                        + REFUND
                        + "\",\"reason\":\"多缴电费退回\","
                        + "\"amount\":{\"refund\":3000,\"total\":8880,\"currency\":\"CNY\"}}",
                    true,
                    true)));
    List<LoggedRequest> sent = payHost.findAll(postRequestedFor(urlEqualTo(REFUNDS)));
    assertThat(sent.get(0).getHeader("Authorization"))
        .startsWith("WECHATPAY2-SHA256-RSA2048 mchid=\"" + PayFixture.MCH_ID + "\"");
  }

  @Test
  void aBusinessRefusalIsRecordedAsFailedAndNotSentAgain() {
    refunds.add("wechat", REFUND, ORDER, "30.00", "88.80");
    payHost.stubFor(
        post(urlEqualTo(REFUNDS))
            .withRequestBody(matchingJsonPath("$.out_refund_no", equalTo(REFUND)))
            .willReturn(error(403, "NOT_ENOUGH", "基本账户余额不足，请充值后重新发起")));

    assertThat(job.send()).isEqualTo(new PayRefunds.Result(0, 1, 0));
    assertThat(job.send()).isEqualTo(new PayRefunds.Result(0, 0, 0));

    assertThat(refunds.row(REFUND).state).isEqualTo("FAILED");
    assertThat(refunds.row(REFUND).lastError).contains("NOT_ENOUGH");
    payHost.verify(1, postRequestedFor(urlEqualTo(REFUNDS)));
  }

  @Test
  void aClosedRefundIsFailed() {
    refunds.add("wechat", REFUND, ORDER, "30.00", "88.80");
    payHost.stubFor(
        post(urlEqualTo(REFUNDS))
            .willReturn(fixture.signedJson(200, refundAnswer(REFUND, "CLOSED"))));

    assertThat(job.send()).isEqualTo(new PayRefunds.Result(0, 1, 0));
    assertThat(refunds.row(REFUND).lastError).contains("CLOSED");
  }

  @Test
  void transientErrorsAndUnsignedAnswersAreRetriedUntilSent() {
    // given a system error, then an answer not signed by WeChat Pay, then a signed one
    refunds.add("wechat", REFUND, ORDER, "30.00", "88.80");
    payHost.stubFor(
        post(urlEqualTo(REFUNDS))
            .inScenario("flaky")
            .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
            .willReturn(error(500, "SYSTEM_ERROR", "系统错误"))
            .willSetStateTo("unsigned"));
    payHost.stubFor(
        post(urlEqualTo(REFUNDS))
            .inScenario("flaky")
            .whenScenarioStateIs("unsigned")
            .willReturn(new PayFixture().signedJson(200, refundAnswer(REFUND, "SUCCESS")))
            .willSetStateTo("up"));
    payHost.stubFor(
        post(urlEqualTo(REFUNDS))
            .inScenario("flaky")
            .whenScenarioStateIs("up")
            .willReturn(fixture.signedJson(200, refundAnswer(REFUND, "SUCCESS"))));

    // when / then
    assertThat(job.send()).isEqualTo(new PayRefunds.Result(0, 0, 1));
    assertThat(refunds.row(REFUND).lastError).contains("SYSTEM_ERROR");
    assertThat(job.send()).isEqualTo(new PayRefunds.Result(0, 0, 1));
    assertThat(refunds.row(REFUND).state).isEqualTo("PENDING");
    assertThat(refunds.row(REFUND).refund.attempts()).isEqualTo(2);
    assertThat(job.send()).isEqualTo(new PayRefunds.Result(1, 0, 0));
    assertThat(refunds.row(REFUND).state).isEqualTo("SENT");
    payHost.verify(3, postRequestedFor(urlEqualTo(REFUNDS)));
  }

  @Test
  void anUnreachablePayHostIsRetried() {
    refunds.add("wechat", REFUND, ORDER, "30.00", "88.80");
    WeChatPaySettings unreachable = fixture.settings("http://127.0.0.1:9");
    PayRefunds offline = new PayRefunds(new PayHost(unreachable), refunds, locks);

    assertThat(offline.send()).isEqualTo(new PayRefunds.Result(0, 0, 1));
    assertThat(refunds.row(REFUND).state).isEqualTo("PENDING");
  }

  @Test
  void onlyOneInstanceSendsAtATimeAndAlipayRefundsAreNotItsBusiness() {
    refunds.add("wechat", REFUND, ORDER, "30.00", "88.80");
    refunds.add("alipay", "R2026112710000000000012", "P2026112710000000000012", "1.00", "1.00");
    payHost.stubFor(
        post(urlEqualTo(REFUNDS))
            .willReturn(fixture.signedJson(200, refundAnswer(REFUND, "SUCCESS"))));

    try (LockStore.Lease held =
        locks.acquire(PayRefunds.LOCK, Duration.ofMinutes(1), Duration.ZERO)) {
      job.scheduled();
      assertThat(refunds.row(REFUND).state)
          .as("another instance holds the lock")
          .isEqualTo("PENDING");
    }
    job.scheduled();

    assertThat(refunds.row(REFUND).state).isEqualTo("SENT");
    assertThat(refunds.row("R2026112710000000000012").state).isEqualTo("PENDING");
    payHost.verify(1, postRequestedFor(urlEqualTo(REFUNDS)));
  }
}
