package io.gridbot.service.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.ChannelUser;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SubscriptionTest {

  private static final ChannelUser USER = new ChannelUser("wechat", "oUser");
  private static final AccountNo ACCOUNT = new AccountNo("3300000001");
  private static final Instant AT = Instant.parse("2026-11-27T01:00:00Z");

  @Test
  void a_threshold_is_kept_with_two_decimals() {
    Subscription s =
        new Subscription(USER, "low_balance", ACCOUNT, new BigDecimal("30"), true, AT, AT);

    assertThat(s.threshold()).isEqualTo(new BigDecimal("30.00"));
  }

  @Test
  void rejects_unknown_kinds_and_bad_thresholds() {
    assertThatThrownBy(() -> new Subscription(USER, "spam", ACCOUNT, null, true, AT, AT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new Subscription(
                    USER, "low_balance", ACCOUNT, new BigDecimal("-1.00"), true, AT, AT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new Subscription(
                    USER, "low_balance", ACCOUNT, new BigDecimal("20.001"), true, AT, AT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new Subscription(USER, "arrears", ACCOUNT, new BigDecimal("20"), true, AT, AT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Subscription.threshold(new BigDecimal("100000.00")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
