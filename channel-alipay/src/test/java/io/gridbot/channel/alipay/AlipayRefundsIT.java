package io.gridbot.channel.alipay;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.gridbot.channel.alipay.AlipayApiIT.ALIPAY;
import static io.gridbot.channel.alipay.AlipayApiIT.APP;
import static io.gridbot.channel.alipay.AlipayApiIT.signed;
import static org.assertj.core.api.Assertions.assertThat;

import com.alipay.api.internal.util.AlipaySignature;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.gridbot.service.testing.FakeChannelRefunds;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Staff refunds sent to WireMock playing Alipay's gateway, its answers signed with the key pair
 * standing in for Alipay's.
 */
class AlipayRefundsIT {

  private static final String METHOD = "alipay.trade.refund";
  private static final String ORDER = "P2026112710000000000021";
  private static final String REFUND = "R2026112710000000000021";
  private static final String ACCEPTED =
      "{\"code\":\"10000\",\"msg\":\"Success\",\"trade_no\":\"2026112722001401000000000021\","
          + "\"out_trade_no\":\""
          + ORDER
          + "\",\"buyer_logon_id\":\"159****5620\",\"fund_change\":\"Y\","
          + "\"refund_fee\":\"30.00\",\"gmt_refund_pay\":\"2026-11-27 10:34:56\"}";

  static final WireMockServer GATEWAY =
      new WireMockServer(WireMockConfiguration.options().dynamicPort());

  static {
    GATEWAY.start();
  }

  private static final String QUERY = "alipay.trade.fastpay.refund.query";
  private static final String NOT_MOVED =
      ACCEPTED.replace("\"fund_change\":\"Y\"", "\"fund_change\":\"N\"");

  private final AlipaySettings settings = AlipayFixture.settings(APP, ALIPAY, GATEWAY.baseUrl());
  private final AlipayApi api = new AlipayApi(settings);
  private final FakeChannelRefunds refunds = new FakeChannelRefunds();
  private final AlipayApiIT.FakeLocks locks = new AlipayApiIT.FakeLocks();
  private final AlipayRefunds job = new AlipayRefunds(refunds, api, locks, settings);

  /** The job as it runs {@code minutes} from now: it follows refunds without news since. */
  private AlipayRefunds jobIn(long minutes) {
    return new AlipayRefunds(
        refunds,
        api,
        locks,
        settings,
        Clock.offset(Clock.systemUTC(), Duration.ofMinutes(minutes)));
  }

  private static MappingBuilder queryCall() {
    return post(urlPathEqualTo("/gateway.do")).withQueryParam("method", equalTo(QUERY));
  }

  private static String queryAnswer(String refundStatus) {
    return "{\"code\":\"10000\",\"msg\":\"Success\",\"trade_no\":\"2026112722001401000000000021\","
        + "\"out_trade_no\":\""
        + ORDER
        + "\",\"out_request_no\":\""
        + REFUND
        + "\",\"total_amount\":\"88.80\",\"refund_amount\":\"30.00\""
        + (refundStatus == null
            ? ""
            : ",\"refund_status\":\""
                + refundStatus
                + "\",\"gmt_refund_pay\":\"2026-11-27 10:36:00\"")
        + "}";
  }

  @AfterAll
  static void stop() {
    GATEWAY.stop();
  }

  @BeforeEach
  void reset() {
    GATEWAY.resetAll();
    refunds.add("alipay", REFUND, ORDER, "30.00", "88.80");
  }

  private static MappingBuilder refundCall() {
    return post(urlPathEqualTo("/gateway.do")).withQueryParam("method", equalTo(METHOD));
  }

  private static String requestBody() {
    return requestBody(METHOD);
  }

  private static String requestBody(String method) {
    return URLDecoder.decode(
        GATEWAY
            .findAll(
                postRequestedFor(urlPathEqualTo("/gateway.do"))
                    .withQueryParam("method", equalTo(method)))
            .get(0)
            .getBodyAsString(),
        StandardCharsets.UTF_8);
  }

  @Test
  void aPendingRefundIsSentOnceUnderItsRequestNumberAndSucceedsWhenTheMoneyMoved()
      throws Exception {
    // given
    GATEWAY.stubFor(refundCall().willReturn(aResponse().withBody(signed(METHOD, ACCEPTED))));

    // when the job runs twice
    var first = job.run();
    var second = job.run();

    // then it succeeded at Alipay's time (China time), the payer told once
    assertThat(first).contains(new AlipayRefunds.Result(1, 0, 0));
    assertThat(second).contains(new AlipayRefunds.Result(0, 0, 0));
    assertThat(refunds.row(REFUND).state).isEqualTo("SUCCEEDED");
    assertThat(refunds.row(REFUND).finishedAt).isEqualTo(Instant.parse("2026-11-27T02:34:56Z"));
    assertThat(refunds.row(REFUND).told).isEqualTo(1);
    assertThat(refunds.row(REFUND).platformRefundId).isEqualTo("2026112722001401000000000021");
    assertThat(jobIn(10).followUp()).contains(new AlipayRefunds.FollowUp(0, 0, 0));
    GATEWAY.verify(1, postRequestedFor(urlPathEqualTo("/gateway.do")));
    assertThat(requestBody())
        .contains("\"out_trade_no\":\"" + ORDER + "\"")
        .contains("\"out_request_no\":\"" + REFUND + "\"")
        .contains("\"refund_amount\":\"30.00\"")
        .contains("\"refund_reason\":\"多缴电费退回\"");
  }

  @Test
  void aBusinessRefusalIsRecordedAsFailed() throws Exception {
    GATEWAY.stubFor(
        refundCall()
            .willReturn(
                aResponse()
                    .withBody(
                        signed(
                            METHOD,
                            "{\"code\":\"40004\",\"msg\":\"Business Failed\","
                                + "\"sub_code\":\"ACQ.TRADE_HAS_FINISHED\","
                                + "\"sub_msg\":\"交易已完结\"}"))));

    assertThat(job.run()).contains(new AlipayRefunds.Result(0, 1, 0));
    assertThat(job.run()).contains(new AlipayRefunds.Result(0, 0, 0));

    assertThat(refunds.row(REFUND).state).isEqualTo("FAILED");
    assertThat(refunds.row(REFUND).lastError).contains("ACQ.TRADE_HAS_FINISHED");
    GATEWAY.verify(1, postRequestedFor(urlPathEqualTo("/gateway.do")));
  }

  @Test
  void systemErrorsAndAnswersNotSignedByAlipayAreRetriedUntilSent() throws Exception {
    // given Alipay busy, then an answer signed with the wrong key, then a good one
    GATEWAY.stubFor(
        refundCall()
            .inScenario("flaky")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                aResponse()
                    .withBody(
                        signed(
                            METHOD,
                            "{\"code\":\"40004\",\"msg\":\"Business Failed\","
                                + "\"sub_code\":\"ACQ.SYSTEM_ERROR\",\"sub_msg\":\"系统错误\"}")))
            .willSetStateTo("unsigned"));
    String forged = AlipaySignature.rsa256Sign(ACCEPTED, APP.privateKey(), "UTF-8");
    GATEWAY.stubFor(
        refundCall()
            .inScenario("flaky")
            .whenScenarioStateIs("unsigned")
            .willReturn(
                aResponse()
                    .withBody(
                        "{\"alipay_trade_refund_response\":"
                            + ACCEPTED
                            + ",\"sign\":\""
                            + forged
                            + "\"}"))
            .willSetStateTo("up"));
    GATEWAY.stubFor(
        refundCall()
            .inScenario("flaky")
            .whenScenarioStateIs("up")
            .willReturn(aResponse().withBody(signed(METHOD, ACCEPTED))));

    // when / then
    assertThat(job.run()).contains(new AlipayRefunds.Result(0, 0, 1));
    assertThat(refunds.row(REFUND).lastError).contains("ACQ.SYSTEM_ERROR");
    assertThat(job.run()).contains(new AlipayRefunds.Result(0, 0, 1));
    assertThat(refunds.row(REFUND).state).isEqualTo("PENDING");
    assertThat(refunds.row(REFUND).refund.attempts()).isEqualTo(2);
    assertThat(job.run()).contains(new AlipayRefunds.Result(1, 0, 0));
    assertThat(refunds.row(REFUND).state).isEqualTo("SUCCEEDED");
  }

  @Test
  void anUnreachableGatewayIsRetriedAndALockedRoundIsSkipped() {
    GATEWAY.stop();
    try {
      assertThat(job.run()).contains(new AlipayRefunds.Result(0, 0, 1));
    } finally {
      GATEWAY.start();
    }
    assertThat(refunds.row(REFUND).state).isEqualTo("PENDING");

    locks.held = true;
    assertThat(job.run()).isEmpty();
    assertThat(refunds.row(REFUND).refund.attempts()).isEqualTo(1);
  }

  @Test
  void aRefundWhoseMoneyDidNotMoveIsQueriedAndSucceedsOnRefundSuccess() throws Exception {
    // given Alipay accepts the refund without moving the money yet
    GATEWAY.stubFor(refundCall().willReturn(aResponse().withBody(signed(METHOD, NOT_MOVED))));
    GATEWAY.stubFor(
        queryCall().willReturn(aResponse().withBody(signed(QUERY, queryAnswer("REFUND_SUCCESS")))));

    // when the job sends it
    assertThat(job.run()).contains(new AlipayRefunds.Result(1, 0, 0));

    // then it is sent, not yet succeeded, and not queried before refund-follow-after
    assertThat(refunds.row(REFUND).state).isEqualTo("SENT");
    assertThat(refunds.row(REFUND).told).isZero();
    assertThat(job.followUp()).contains(new AlipayRefunds.FollowUp(0, 0, 0));
    GATEWAY.verify(
        0,
        postRequestedFor(urlPathEqualTo("/gateway.do")).withQueryParam("method", equalTo(QUERY)));

    // when the follow-up runs three minutes later
    assertThat(jobIn(3).followUp()).contains(new AlipayRefunds.FollowUp(1, 0, 0));

    // then Alipay's REFUND_SUCCESS succeeded it at gmt_refund_pay, the payer told once
    assertThat(refunds.row(REFUND).state).isEqualTo("SUCCEEDED");
    assertThat(refunds.row(REFUND).finishedAt).isEqualTo(Instant.parse("2026-11-27T02:36:00Z"));
    assertThat(refunds.row(REFUND).told).isEqualTo(1);
    assertThat(requestBody(QUERY))
        .contains("\"out_trade_no\":\"" + ORDER + "\"")
        .contains("\"out_request_no\":\"" + REFUND + "\"")
        .contains("gmt_refund_pay");
    assertThat(jobIn(6).followUp()).contains(new AlipayRefunds.FollowUp(0, 0, 0));
  }

  @Test
  void aRefundAlipayDidNotCarryOutIsSentAgainUnderTheSameNumber() throws Exception {
    // given a refund accepted without moving money, and a query that shows no refund
    GATEWAY.stubFor(refundCall().willReturn(aResponse().withBody(signed(METHOD, NOT_MOVED))));
    GATEWAY.stubFor(queryCall().willReturn(aResponse().withBody(signed(QUERY, queryAnswer(null)))));
    job.run();

    // when the follow-up runs
    assertThat(jobIn(3).followUp()).contains(new AlipayRefunds.FollowUp(0, 1, 0));

    // then it is pending again, one attempt counted, and the next round sends the same number
    assertThat(refunds.row(REFUND).state).isEqualTo("PENDING");
    assertThat(refunds.row(REFUND).refund.attempts()).isEqualTo(1);
    assertThat(refunds.row(REFUND).lastError).contains("refund_status absent");
    assertThat(job.run()).contains(new AlipayRefunds.Result(1, 0, 0));
    var sent =
        GATEWAY.findAll(
            postRequestedFor(urlPathEqualTo("/gateway.do"))
                .withQueryParam("method", equalTo(METHOD)));
    assertThat(sent).hasSize(2);
    assertThat(URLDecoder.decode(sent.get(1).getBodyAsString(), StandardCharsets.UTF_8))
        .contains("\"out_request_no\":\"" + REFUND + "\"");
  }

  @Test
  void aQueryAnswerNotSignedByAlipayOrAnErrorChangesNothingButIsAskedAgainLater() throws Exception {
    // given a sent refund and a query answer signed with the app's key, not Alipay's
    GATEWAY.stubFor(refundCall().willReturn(aResponse().withBody(signed(METHOD, NOT_MOVED))));
    job.run();
    String json = queryAnswer("REFUND_SUCCESS");
    String forged = AlipaySignature.rsa256Sign(json, APP.privateKey(), "UTF-8");
    GATEWAY.stubFor(
        queryCall()
            .willReturn(
                aResponse()
                    .withBody(
                        "{\"alipay_trade_fastpay_refund_query_response\":"
                            + json
                            + ",\"sign\":\""
                            + forged
                            + "\"}")));

    // when the follow-up runs
    assertThat(jobIn(3).followUp()).contains(new AlipayRefunds.FollowUp(0, 0, 1));

    // then the refund is still sent, not told, and its news is now: not asked again at once
    assertThat(refunds.row(REFUND).state).isEqualTo("SENT");
    assertThat(refunds.row(REFUND).told).isZero();
    assertThat(jobIn(1).followUp()).contains(new AlipayRefunds.FollowUp(0, 0, 0));

    // and an error code is no answer either
    GATEWAY.stubFor(
        queryCall()
            .willReturn(
                aResponse()
                    .withBody(
                        signed(
                            QUERY,
                            "{\"code\":\"20000\",\"msg\":\"Service Currently Unavailable\","
                                + "\"sub_code\":\"isp.unknow-error\",\"sub_msg\":\"系统繁忙\"}"))));
    assertThat(jobIn(6).followUp()).contains(new AlipayRefunds.FollowUp(0, 0, 1));
    assertThat(refunds.row(REFUND).state).isEqualTo("SENT");

    locks.held = true;
    assertThat(jobIn(9).followUp()).isEmpty();
  }
}
