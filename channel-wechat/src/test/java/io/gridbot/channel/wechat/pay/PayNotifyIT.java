package io.gridbot.channel.wechat.pay;

import static io.gridbot.channel.wechat.pay.PayFixture.APP_ID;
import static io.gridbot.channel.wechat.pay.PayFixture.MCH_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.gridbot.service.testing.FakeChannelRefunds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** {@code POST /wx/pay/notify} over MockMvc with the real WxJava verification and decryption. */
class PayNotifyIT {

  private static final String NO = "P2026112710000012345678";
  private static final Instant NOW = Instant.parse("2026-11-27T02:40:00Z");

  private final PayFixture fixture = new PayFixture();
  private final FakeChannelPayments payments = new FakeChannelPayments();
  private MockMvc mvc;
  private ExecutorService pool;

  @BeforeEach
  void setUp() {
    WeChatPaySettings settings = fixture.settings("http://127.0.0.1:9");
    PayHost host = new PayHost(settings);
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    PayNotifications notifications = new PayNotifications(settings, host, payments, clock);
    PayRefundNotifications refunds =
        new PayRefundNotifications(settings, host, new FakeChannelRefunds(), clock);
    mvc =
        MockMvcBuilders.standaloneSetup(new PayNotifyController(notifications, refunds, settings))
            .build();
    payments.add(NO, "86.40", "wechat", APP_ID + ":openid-1", NOW.minusSeconds(600));
  }

  @AfterEach
  void tearDown() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  private String paid(long fen) {
    return fixture.notification(
        PayFixture.transaction(MCH_ID, APP_ID, NO, "4200000001202611270000000001", "SUCCESS", fen));
  }

  private ResultActions deliver(String body, Map<String, String> headers) throws Exception {
    MockHttpServletRequestBuilder request =
        post("/wx/pay/notify").contentType(MediaType.APPLICATION_JSON).content(body);
    headers.forEach(request::header);
    return mvc.perform(request);
  }

  @Test
  void aVerifiedNotificationConfirmsThePaymentOnceThoughDeliveredThreeTimes() throws Exception {
    String body = paid(8640);

    for (int i = 0; i < 3; i++) {
      deliver(body, fixture.notifyHeaders(body, NOW)).andExpect(status().isNoContent());
    }

    assertThat(payments.credits).containsExactly(NO);
    assertThat(payments.order(NO).orElseThrow().state()).isEqualTo("PAID");
  }

  @Test
  void concurrentDeliveriesConfirmOnce() throws Exception {
    String body = paid(8640);
    pool = Executors.newFixedThreadPool(6);
    List<Callable<Integer>> calls = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      calls.add(
          () ->
              deliver(body, fixture.notifyHeaders(body, NOW))
                  .andReturn()
                  .getResponse()
                  .getStatus());
    }

    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> f : pool.invokeAll(calls)) {
      statuses.add(f.get());
    }

    assertThat(statuses).containsOnly(204);
    assertThat(payments.credits).containsExactly(NO);
  }

  @Test
  void eachMissingSignatureHeaderIsRefused() throws Exception {
    String body = paid(8640);
    for (String missing :
        List.of(
            "Wechatpay-Timestamp", "Wechatpay-Nonce", "Wechatpay-Signature", "Wechatpay-Serial")) {
      Map<String, String> headers = new java.util.HashMap<>(fixture.notifyHeaders(body, NOW));
      headers.remove(missing);

      deliver(body, headers)
          .andExpect(status().isUnauthorized())
          .andExpect(jsonPath("$.code").value("FAIL"));
    }
    assertThat(payments.credits).isEmpty();
  }

  @Test
  void aSignatureByAnotherKeyIsRefused() throws Exception {
    String body = paid(8640);
    Map<String, String> forged =
        PayFixture.signatureHeaders(body, NOW, new PayFixture().platform.getPrivate());

    deliver(body, forged).andExpect(status().isUnauthorized());

    assertThat(payments.credits).isEmpty();
  }

  @Test
  void aBodyChangedAfterSigningIsRefused() throws Exception {
    String body = paid(8640);
    Map<String, String> headers = fixture.notifyHeaders(body, NOW);

    deliver(body.replace("支付成功", "支付成功 "), headers).andExpect(status().isUnauthorized());

    assertThat(payments.credits).isEmpty();
  }

  @Test
  void staleAndFutureTimestampsAreRefusedThoughSigned() throws Exception {
    String body = paid(8640);

    deliver(body, fixture.notifyHeaders(body, NOW.minus(Duration.ofMinutes(6))))
        .andExpect(status().isUnauthorized());
    deliver(body, fixture.notifyHeaders(body, NOW.plus(Duration.ofMinutes(6))))
        .andExpect(status().isUnauthorized());

    assertThat(payments.credits).isEmpty();
  }

  @Test
  void anotherMerchantOrAccountIsRefused() throws Exception {
    for (String transaction :
        List.of(
            PayFixture.transaction("1900000999", APP_ID, NO, "4200000001", "SUCCESS", 8640),
            PayFixture.transaction(
                MCH_ID, "wx0000000000000000", NO, "4200000001", "SUCCESS", 8640))) {
      String body = fixture.notification(transaction);

      deliver(body, fixture.notifyHeaders(body, NOW)).andExpect(status().isBadRequest());
    }
    assertThat(payments.credits).isEmpty();
  }

  @Test
  void anAmountOtherThanTheOrdersIsRefused() throws Exception {
    String body = paid(8630);

    deliver(body, fixture.notifyHeaders(body, NOW))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.message").value("amount differs from the order's"));

    assertThat(payments.credits).isEmpty();
    assertThat(payments.order(NO).orElseThrow().state()).isEqualTo("CREATED");
  }

  @Test
  void anUnpaidTradeStateIsNotConfirmed() throws Exception {
    String body =
        fixture.notification(PayFixture.transaction(MCH_ID, APP_ID, NO, "4200", "NOTPAY", 8640));

    deliver(body, fixture.notifyHeaders(body, NOW)).andExpect(status().isBadRequest());

    assertThat(payments.credits).isEmpty();
  }

  @Test
  void malformedBodiesAreRefused() throws Exception {
    String notJson = "{\"id\":";
    String badCiphertext =
        paid(8640).replaceFirst("\"ciphertext\":\"[^\"]+\"", "\"ciphertext\":\"AAAA\"");

    deliver(notJson, fixture.notifyHeaders(notJson, NOW)).andExpect(status().isBadRequest());
    deliver(badCiphertext, fixture.notifyHeaders(badCiphertext, NOW))
        .andExpect(status().isBadRequest());
    deliver("", fixture.notifyHeaders("", NOW)).andExpect(status().isBadRequest());

    assertThat(payments.credits).isEmpty();
  }

  @Test
  void anUnknownOrderIsRefused() throws Exception {
    String body =
        fixture.notification(
            PayFixture.transaction(
                MCH_ID, APP_ID, "P2026112799999999999999", "42", "SUCCESS", 8640));

    deliver(body, fixture.notifyHeaders(body, NOW)).andExpect(status().isNotFound());

    assertThat(payments.credits).isEmpty();
  }

  @Test
  void bodiesOver64KiBAreRefusedUnread() throws Exception {
    String body = paid(8640) + " ".repeat(64 * 1024);

    deliver(body, fixture.notifyHeaders(body, NOW)).andExpect(status().isPayloadTooLarge());

    assertThat(payments.credits).isEmpty();
  }
}
