package io.gridbot.service.points;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.payment.PaymentConfirmed;
import io.gridbot.service.points.EarningRules.Earning;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EarningRulesTest {

  private static final AccountNo ACCOUNT = new AccountNo("3300123456");
  private final EarningRules rules = new EarningRules(PointsSettings.defaults());

  @ParameterizedTest
  @CsvSource({"0.00,0", "9.99,0", "10.00,1", "99.99,9", "100.00,10", "1234.56,123", "-5.00,0"})
  void one_point_per_ten_yuan_rounded_down(String amount, int points) {
    assertThat(rules.pointsFor(new BigDecimal(amount))).isEqualTo(points);
  }

  @Test
  void an_on_time_online_payment_earns_points_the_bonus_and_the_monthly_online_bonus() {
    // given paid through WeChat on 2026-11-27 in Shanghai
    PaymentConfirmed payment =
        payment("128.50", "wechat", true, Instant.parse("2026-11-27T02:00:00Z"));

    // when / then
    assertThat(rules.forPayment(payment))
        .containsExactly(
            new Earning(PointsReason.EARN_PAYMENT, "T001", 12),
            new Earning(PointsReason.EARN_ON_TIME, "T001", 5),
            new Earning(PointsReason.EARN_ONLINE, "online-month:3300123456:2026-11", 10));
  }

  @Test
  void a_late_counter_payment_earns_only_the_points_per_yuan() {
    PaymentConfirmed payment =
        payment("50.00", "counter", false, Instant.parse("2026-11-27T02:00:00Z"));

    assertThat(rules.forPayment(payment))
        .containsExactly(new Earning(PointsReason.EARN_PAYMENT, "T001", 5));
  }

  @Test
  void the_month_of_the_online_bonus_is_the_month_in_china() {
    // 2026-11-30 17:00 UTC is already 1 December in Shanghai
    PaymentConfirmed payment =
        payment("5.00", "alipay", false, Instant.parse("2026-11-30T17:00:00Z"));

    assertThat(rules.forPayment(payment))
        .containsExactly(
            new Earning(PointsReason.EARN_ONLINE, "online-month:3300123456:2026-12", 10));
  }

  @Test
  void zero_settings_earn_nothing() {
    EarningRules none =
        new EarningRules(
            new PointsSettings(
                new BigDecimal("1000000"), 0, 0, null, null, null, null, null, null));

    assertThat(none.forPayment(payment("99.00", "web", true, Instant.now()))).isEmpty();
  }

  private static PaymentConfirmed payment(
      String amount, String channel, boolean onTime, Instant at) {
    return new PaymentConfirmed("T001", ACCOUNT, new BigDecimal(amount), channel, null, onTime, at);
  }
}
