package io.gridbot.channel.wechat.pay;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
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
import io.gridbot.service.testing.FakeChannelRefunds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

  private WeChatPaySettings settings;

  @BeforeEach
  void setUp() {
    settings = fixture.settings(payHost.baseUrl());
    job = new PayRefunds(settings, new PayHost(settings), refunds, locks, Clock.systemUTC());
  }

  /** The job as it runs {@code minutes} from now: it follows refunds without news since. */
  private PayRefunds jobIn(long minutes) {
    return new PayRefunds(
        settings,
        new PayHost(settings),
        refunds,
        locks,
        Clock.offset(Clock.systemUTC(), Duration.ofMinutes(minutes)));
  }

  private static com.github.tomakehurst.wiremock.client.MappingBuilder query(String outRefundNo) {
    return get(urlEqualTo(REFUNDS + "/" + outRefundNo));
  }

  private static String refundAnswer(String outRefundNo, String status) {
    return PayFixture.refundAnswer(ORDER, outRefundNo, status);
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
                        + "\",\"reason\":\"多缴电费退回\",\"notify_url\":\""
                        + PayFixture.REFUND_NOTIFY_URL
                        + "\",\"amount\":{\"refund\":3000,\"total\":8880,\"currency\":\"CNY\"}}",
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
  void aRefundClosedAtOnceIsAbnormalForStaff() {
    refunds.add("wechat", REFUND, ORDER, "30.00", "88.80");
    payHost.stubFor(
        post(urlEqualTo(REFUNDS))
            .willReturn(fixture.signedJson(200, refundAnswer(REFUND, "CLOSED"))));

    assertThat(job.send()).isEqualTo(new PayRefunds.Result(0, 1, 0));
    assertThat(refunds.row(REFUND).state).isEqualTo("ABNORMAL");
    assertThat(refunds.row(REFUND).lastError).contains("CLOSED");
    assertThat(refunds.row(REFUND).platformRefundId).isEqualTo("50000000382019052709732678859");
    assertThat(refunds.row(REFUND).told).isZero();
  }

  @Test
  void aRefundPaidBackAtOnceSucceedsAndThePayerIsTold() {
    refunds.add("wechat", REFUND, ORDER, "30.00", "88.80");
    payHost.stubFor(
        post(urlEqualTo(REFUNDS))
            .willReturn(fixture.signedJson(200, refundAnswer(REFUND, "SUCCESS"))));

    assertThat(job.send()).isEqualTo(new PayRefunds.Result(1, 0, 0));

    assertThat(refunds.row(REFUND).state).isEqualTo("SUCCEEDED");
    assertThat(refunds.row(REFUND).finishedAt).isEqualTo(Instant.parse("2026-11-27T02:40:00Z"));
    assertThat(refunds.row(REFUND).told).isEqualTo(1);
  }

  @Test
  void theFollowUpAsksAboutAProcessingRefundUntilItSucceeds() {
    // given a refund sent now, processing at WeChat Pay, then paid back
    refunds.addSent("wechat", REFUND, ORDER, "30.00", Instant.now());
    payHost.stubFor(
        query(REFUND)
            .inScenario("refund")
            .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
            .willReturn(fixture.signedJson(200, refundAnswer(REFUND, "PROCESSING")))
            .willSetStateTo("paid"));
    payHost.stubFor(
        query(REFUND)
            .inScenario("refund")
            .whenScenarioStateIs("paid")
            .willReturn(fixture.signedJson(200, refundAnswer(REFUND, "SUCCESS"))));

    // when / then: not asked while its news is younger than refund-follow-after
    assertThat(job.followUp().asked()).isZero();

    // when / then: asked as the job will run in 11 minutes: still processing
    assertThat(jobIn(11).followUp()).isEqualTo(new PayRefunds.FollowUp(0, 0, 1, 0, 0));
    assertThat(refunds.row(REFUND).state).isEqualTo("SENT");
    assertThat(job.followUp().asked()).as("that answer is news too").isZero();

    // when / then: asked 11 minutes later: paid back
    assertThat(jobIn(22).followUp()).isEqualTo(new PayRefunds.FollowUp(1, 0, 0, 0, 0));
    assertThat(refunds.row(REFUND).state).isEqualTo("SUCCEEDED");
    assertThat(refunds.row(REFUND).finishedAt).isEqualTo(Instant.parse("2026-11-27T02:40:00Z"));
    assertThat(refunds.row(REFUND).told).isEqualTo(1);
    assertThat(jobIn(33).followUp().asked()).as("a succeeded refund is not followed").isZero();
    payHost.verify(2, getRequestedFor(urlEqualTo(REFUNDS + "/" + REFUND)));
    assertThat(
            payHost
                .findAll(getRequestedFor(urlEqualTo(REFUNDS + "/" + REFUND)))
                .get(0)
                .getHeader("Authorization"))
        .startsWith("WECHATPAY2-SHA256-RSA2048 mchid=\"" + PayFixture.MCH_ID + "\"");
  }

  @Test
  void theFollowUpRecordsAbnormalEndsResendsUnknownRefundsAndAsksAgainAfterErrors() {
    // given three refunds sent long ago
    Instant longAgo = Instant.now().minus(Duration.ofHours(1));
    String abnormal = "R2026112710000000000031";
    String unknown = "R2026112710000000000032";
    String failing = "R2026112710000000000033";
    refunds.addSent("wechat", abnormal, ORDER, "10.00", longAgo);
    refunds.addSent("wechat", unknown, ORDER, "10.00", longAgo);
    refunds.addSent("wechat", failing, ORDER, "10.00", longAgo);
    payHost.stubFor(
        query(abnormal).willReturn(fixture.signedJson(200, refundAnswer(abnormal, "ABNORMAL"))));
    payHost.stubFor(
        query(unknown)
            .willReturn(
                fixture.signedJson(
                    404, "{\"code\":\"RESOURCE_NOT_EXISTS\",\"message\":\"退款单不存在\"}")));
    payHost.stubFor(
        query(failing)
            .willReturn(new PayFixture().signedJson(200, refundAnswer(failing, "SUCCESS"))));

    // when the follow-up runs
    PayRefunds.FollowUp result = job.followUp();

    // then
    assertThat(result).isEqualTo(new PayRefunds.FollowUp(0, 1, 0, 1, 1));
    assertThat(refunds.row(abnormal).state).isEqualTo("ABNORMAL");
    assertThat(refunds.row(abnormal).lastError).contains("ABNORMAL");
    assertThat(refunds.row(unknown).state).as("sent again").isEqualTo("PENDING");
    assertThat(refunds.row(unknown).refund.attempts()).isEqualTo(1);
    assertThat(refunds.row(failing).state)
        .as("an answer not signed by WeChat Pay changes nothing")
        .isEqualTo("SENT");
    assertThat(refunds.row(failing).checkedAt).isAfter(longAgo);
    assertThat(job.followUp().asked()).as("asked again only later").isZero();
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
    assertThat(refunds.row(REFUND).state).isEqualTo("SUCCEEDED");
    payHost.verify(3, postRequestedFor(urlEqualTo(REFUNDS)));
  }

  @Test
  void anUnreachablePayHostIsRetried() {
    refunds.add("wechat", REFUND, ORDER, "30.00", "88.80");
    WeChatPaySettings unreachable = fixture.settings("http://127.0.0.1:9");
    PayRefunds offline =
        new PayRefunds(unreachable, new PayHost(unreachable), refunds, locks, Clock.systemUTC());

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

    assertThat(refunds.row(REFUND).state).isEqualTo("SUCCEEDED");
    assertThat(refunds.row("R2026112710000000000012").state).isEqualTo("PENDING");
    payHost.verify(1, postRequestedFor(urlEqualTo(REFUNDS)));
  }
}
