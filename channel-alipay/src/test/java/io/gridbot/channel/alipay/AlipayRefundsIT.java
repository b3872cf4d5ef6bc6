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
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
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

  private final AlipayApi api =
      new AlipayApi(AlipayFixture.settings(APP, ALIPAY, GATEWAY.baseUrl()));
  private final FakeChannelRefunds refunds = new FakeChannelRefunds();
  private final AlipayApiIT.FakeLocks locks = new AlipayApiIT.FakeLocks();
  private final AlipayRefunds job = new AlipayRefunds(refunds, api, locks);

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
    return URLDecoder.decode(
        GATEWAY
            .findAll(
                postRequestedFor(urlPathEqualTo("/gateway.do"))
                    .withQueryParam("method", equalTo(METHOD)))
            .get(0)
            .getBodyAsString(),
        StandardCharsets.UTF_8);
  }

  @Test
  void aPendingRefundIsSentOnceUnderItsRequestNumber() throws Exception {
    // given
    GATEWAY.stubFor(refundCall().willReturn(aResponse().withBody(signed(METHOD, ACCEPTED))));

    // when the job runs twice
    var first = job.run();
    var second = job.run();

    // then
    assertThat(first).contains(new AlipayRefunds.Result(1, 0, 0));
    assertThat(second).contains(new AlipayRefunds.Result(0, 0, 0));
    assertThat(refunds.row(REFUND).state).isEqualTo("SENT");
    assertThat(refunds.row(REFUND).platformRefundId).isEqualTo("2026112722001401000000000021");
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
    assertThat(refunds.row(REFUND).state).isEqualTo("SENT");
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
}
