package io.gridbot.channel.wechat.pay;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.gridbot.channel.wechat.pay.PayFixture.APP_ID;
import static io.gridbot.channel.wechat.pay.PayFixture.MCH_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.gridbot.dialog.store.LockStore;
import io.gridbot.dialog.store.StateStores;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Reconciliation against a WireMock'd pay host answering as WeChat Pay does, signed. */
class PayReconciliationIT {

  @RegisterExtension
  static WireMockExtension payHost =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String LOST = "P2026112710000000000001";
  private static final String EXPIRED = "P2026112710000000000002";
  private static final String FRESH = "P2026112710000000000003";
  private static final String NEVER_OPENED = "P2026112710000000000004";
  private static final String BROKEN = "P2026112710000000000005";

  private final PayFixture fixture = new PayFixture();
  private final FakeChannelPayments payments = new FakeChannelPayments();
  private final LockStore locks = StateStores.inMemoryLockStore();
  private PayReconciliation reconciliation;
  private final Instant now = Instant.now();

  @BeforeEach
  void setUp() {
    WeChatPaySettings settings = fixture.settings(payHost.baseUrl());
    reconciliation =
        new PayReconciliation(settings, new PayHost(settings), payments, locks, Clock.systemUTC());
  }

  private void queryAnswers(String no, String state, long fen) {
    payHost.stubFor(
        get(urlPathEqualTo("/v3/pay/transactions/out-trade-no/" + no))
            .withQueryParam("mchid", equalTo(MCH_ID))
            .willReturn(
                fixture.signedJson(
                    200, PayFixture.transaction(MCH_ID, APP_ID, no, "42000" + no, state, fen))));
  }

  @Test
  void aPaymentWhoseNotificationWasLostIsConfirmed() {
    payments.add(LOST, "86.40", "wechat", null, now.minus(Duration.ofMinutes(8)));
    queryAnswers(LOST, "SUCCESS", 8640);

    PayReconciliation.Result result = reconciliation.reconcile();

    assertThat(result.confirmed()).isEqualTo(1);
    assertThat(payments.credits).containsExactly(LOST);
  }

  @Test
  void anExpiredUnpaidOrderIsClosedAtWeChatPayAndInTheLedger() {
    payments.add(EXPIRED, "20.00", "wechat", null, now.minus(Duration.ofMinutes(20)));
    queryAnswers(EXPIRED, "NOTPAY", 2000);
    payHost.stubFor(
        post(urlEqualTo("/v3/pay/transactions/out-trade-no/" + EXPIRED + "/close"))
            .withRequestBody(matchingJsonPath("$.mchid", equalTo(MCH_ID)))
            .willReturn(fixture.signedJson(204, "")));

    PayReconciliation.Result result = reconciliation.reconcile();

    assertThat(result.closed()).isEqualTo(1);
    assertThat(payments.closes).containsExactly(EXPIRED);
    payHost.verify(
        1, postRequestedFor(urlEqualTo("/v3/pay/transactions/out-trade-no/" + EXPIRED + "/close")));
    assertThat(payments.credits).isEmpty();
  }

  @Test
  void anUnpaidOrderStillWithinItsTimeIsLeftAlone() {
    payments.add(FRESH, "20.00", "wechat", null, now.minus(Duration.ofMinutes(8)));
    queryAnswers(FRESH, "NOTPAY", 2000);

    PayReconciliation.Result result = reconciliation.reconcile();

    assertThat(result).isEqualTo(new PayReconciliation.Result(0, 0, 0));
    assertThat(payments.order(FRESH).orElseThrow().state()).isEqualTo("CREATED");
    payHost.verify(
        0, postRequestedFor(urlEqualTo("/v3/pay/transactions/out-trade-no/" + FRESH + "/close")));
  }

  @Test
  void anExpiredOrderWeChatPayNeverSawIsClosedInTheLedger() {
    payments.add(NEVER_OPENED, "20.00", "wechat", null, now.minus(Duration.ofMinutes(20)));
    payHost.stubFor(
        get(urlPathEqualTo("/v3/pay/transactions/out-trade-no/" + NEVER_OPENED))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"code\":\"ORDER_NOT_EXIST\",\"message\":\"订单不存在\"}")));

    reconciliation.reconcile();

    assertThat(payments.closes).containsExactly(NEVER_OPENED);
  }

  @Test
  void errorsAndUnsignedAnswersLeaveTheOrderForTheNextRun() {
    payments.add(BROKEN, "20.00", "wechat", null, now.minus(Duration.ofMinutes(20)));
    payments.add(LOST, "86.40", "wechat", null, now.minus(Duration.ofMinutes(8)));
    payHost.stubFor(
        get(urlPathEqualTo("/v3/pay/transactions/out-trade-no/" + BROKEN))
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"code\":\"SYSTEM_ERROR\",\"message\":\"系统错误\"}")));
    payHost.stubFor(
        get(urlPathEqualTo("/v3/pay/transactions/out-trade-no/" + LOST))
            .willReturn(
                new PayFixture()
                    .signedJson(
                        200, PayFixture.transaction(MCH_ID, APP_ID, LOST, "42", "SUCCESS", 8640))));

    PayReconciliation.Result result = reconciliation.reconcile();

    assertThat(result.failed()).isEqualTo(2);
    assertThat(payments.credits).isEmpty();
    assertThat(payments.closes).isEmpty();
  }

  @Test
  void onlyOneInstanceRunsAtATime() {
    payments.add(LOST, "86.40", "wechat", null, now.minus(Duration.ofMinutes(8)));
    queryAnswers(LOST, "SUCCESS", 8640);

    try (LockStore.Lease held =
        locks.acquire(PayReconciliation.LOCK, Duration.ofMinutes(1), Duration.ZERO)) {
      reconciliation.scheduled();
      assertThat(payments.credits).as("another instance holds the lock").isEmpty();
    }
    reconciliation.scheduled();
    assertThat(payments.credits).containsExactly(LOST);
  }
}
