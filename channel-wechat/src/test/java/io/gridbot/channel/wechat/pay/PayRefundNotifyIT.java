package io.gridbot.channel.wechat.pay;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * {@code POST /wx/pay/refund-notify} over MockMvc with the real WxJava verification and decryption
 * of refund notifications.
 */
class PayRefundNotifyIT {

  private static final String ORDER = "P2026112710000012345678";
  private static final String REFUND = "R2026112710000012345678";
  private static final String REFUND_ID = "50300000012026112700000001";
  private static final Instant NOW = Instant.parse("2026-11-27T02:45:00Z");

  private final PayFixture fixture = new PayFixture();
  private final FakeChannelRefunds refunds = new FakeChannelRefunds();
  private MockMvc mvc;

  @BeforeEach
  void setUp() {
    WeChatPaySettings settings = fixture.settings("http://127.0.0.1:9");
    PayHost host = new PayHost(settings);
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    PayRefundNotifications refundNotifications =
        new PayRefundNotifications(settings, host, refunds, clock);
    PayNotifications payments =
        new PayNotifications(settings, host, new FakeChannelPayments(), clock);
    mvc =
        MockMvcBuilders.standaloneSetup(
                new PayNotifyController(payments, refundNotifications, settings))
            .build();
    refunds.addSent("wechat", REFUND, ORDER, "30.00", NOW.minusSeconds(300));
  }

  private String notification(String status) {
    return fixture.refundNotification(
        "REFUND." + status, PayFixture.refund(MCH_ID, ORDER, REFUND, REFUND_ID, status));
  }

  private ResultActions deliver(String body, Map<String, String> headers) throws Exception {
    MockHttpServletRequestBuilder request =
        post("/wx/pay/refund-notify").contentType(MediaType.APPLICATION_JSON).content(body);
    headers.forEach(request::header);
    return mvc.perform(request);
  }

  @Test
  void aVerifiedSuccessSucceedsTheRefundAndTellsThePayerOnceThoughDeliveredThreeTimes()
      throws Exception {
    String body = notification("SUCCESS");

    for (int i = 0; i < 3; i++) {
      deliver(body, fixture.notifyHeaders(body, NOW)).andExpect(status().isNoContent());
    }

    FakeChannelRefunds.Row row = refunds.row(REFUND);
    assertThat(row.state).isEqualTo("SUCCEEDED");
    assertThat(row.platformRefundId).isEqualTo(REFUND_ID);
    assertThat(row.finishedAt).isEqualTo(Instant.parse("2026-11-27T02:40:00Z"));
    assertThat(row.told).isEqualTo(1);
  }

  @Test
  void anAbnormalRefundIsRecordedForStaffAndALaterAbnormalAfterSuccessChangesNothing()
      throws Exception {
    String abnormal = notification("ABNORMAL");

    deliver(abnormal, fixture.notifyHeaders(abnormal, NOW)).andExpect(status().isNoContent());
    deliver(abnormal, fixture.notifyHeaders(abnormal, NOW)).andExpect(status().isNoContent());

    assertThat(refunds.row(REFUND).state).isEqualTo("ABNORMAL");
    assertThat(refunds.row(REFUND).lastError).isEqualTo("WeChat Pay refund status ABNORMAL");
    assertThat(refunds.row(REFUND).told).isZero();

    // staff had it paid to another account: WeChat Pay then reports success
    String success = notification("SUCCESS");
    deliver(success, fixture.notifyHeaders(success, NOW)).andExpect(status().isNoContent());
    String closed = notification("CLOSED");
    deliver(closed, fixture.notifyHeaders(closed, NOW)).andExpect(status().isNoContent());

    assertThat(refunds.row(REFUND).state).isEqualTo("SUCCEEDED");
    assertThat(refunds.row(REFUND).told).isEqualTo(1);
  }

  @Test
  void aSignatureByAnotherKeyOrABodyChangedAfterSigningIsRefusedAndChangesNothing()
      throws Exception {
    String body = notification("SUCCESS");
    Map<String, String> forged =
        PayFixture.signatureHeaders(body, NOW, new PayFixture().platform.getPrivate());

    deliver(body, forged)
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.code").value("FAIL"));
    deliver(body.replace("退款成功", "退款成功 "), fixture.notifyHeaders(body, NOW))
        .andExpect(status().isUnauthorized());

    assertThat(refunds.row(REFUND).state).isEqualTo("SENT");
    assertThat(refunds.row(REFUND).told).isZero();
  }

  @Test
  void missingHeadersAndStaleOrFutureTimestampsAreRefused() throws Exception {
    String body = notification("SUCCESS");
    for (String missing :
        List.of(
            "Wechatpay-Timestamp", "Wechatpay-Nonce", "Wechatpay-Signature", "Wechatpay-Serial")) {
      Map<String, String> headers = new HashMap<>(fixture.notifyHeaders(body, NOW));
      headers.remove(missing);
      deliver(body, headers).andExpect(status().isUnauthorized());
    }
    deliver(body, fixture.notifyHeaders(body, NOW.minus(Duration.ofMinutes(6))))
        .andExpect(status().isUnauthorized());
    deliver(body, fixture.notifyHeaders(body, NOW.plus(Duration.ofMinutes(6))))
        .andExpect(status().isUnauthorized());

    assertThat(refunds.row(REFUND).state).isEqualTo("SENT");
  }

  @Test
  void anotherMerchantAnUnknownRefundAndAnUnfinishedStatusAreRefused() throws Exception {
    String otherMerchant =
        fixture.refundNotification(
            "REFUND.SUCCESS", PayFixture.refund("1900000999", ORDER, REFUND, REFUND_ID, "SUCCESS"));
    String unknown =
        fixture.refundNotification(
            "REFUND.SUCCESS",
            PayFixture.refund(MCH_ID, ORDER, "R2026112799999999999999", REFUND_ID, "SUCCESS"));
    String processing = notification("PROCESSING");

    deliver(otherMerchant, fixture.notifyHeaders(otherMerchant, NOW))
        .andExpect(status().isBadRequest());
    deliver(unknown, fixture.notifyHeaders(unknown, NOW)).andExpect(status().isNotFound());
    deliver(processing, fixture.notifyHeaders(processing, NOW)).andExpect(status().isBadRequest());

    assertThat(refunds.row(REFUND).state).isEqualTo("SENT");
  }

  @Test
  void malformedBodiesAreRefused() throws Exception {
    String notJson = "{\"id\":";
    String badCiphertext =
        notification("SUCCESS")
            .replaceFirst("\"ciphertext\":\"[^\"]+\"", "\"ciphertext\":\"AAAA\"");
    String paymentShaped =
        fixture.notification(
            PayFixture.transaction(
                MCH_ID, PayFixture.APP_ID, ORDER, "4200000001", "SUCCESS", 8880));

    deliver(notJson, fixture.notifyHeaders(notJson, NOW)).andExpect(status().isBadRequest());
    deliver(badCiphertext, fixture.notifyHeaders(badCiphertext, NOW))
        .andExpect(status().isBadRequest());
    deliver(paymentShaped, fixture.notifyHeaders(paymentShaped, NOW))
        .andExpect(status().isBadRequest());
    deliver("", fixture.notifyHeaders("", NOW)).andExpect(status().isBadRequest());

    assertThat(refunds.row(REFUND).state).isEqualTo("SENT");
  }
}
