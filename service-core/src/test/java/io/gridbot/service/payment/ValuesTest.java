package io.gridbot.service.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The small value types and the settings record. */
class ValuesTest {

  @Test
  void position_has_scale_two_and_rejects_more_decimals() {
    Position position = new Position(new BigDecimal("1.5"), BigDecimal.ZERO);

    assertThat(position.balance()).isEqualTo(new BigDecimal("1.50"));
    assertThat(position.arrears()).isEqualTo(new BigDecimal("0.00"));
    assertThatThrownBy(() -> new Position(new BigDecimal("0.001"), BigDecimal.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("balance");
    assertThatThrownBy(() -> new Position(BigDecimal.ZERO, null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void channel_total_rejects_negative_counts_and_fractions_of_fen() {
    assertThat(new ChannelTotal(2, new BigDecimal("3")).sum()).isEqualTo(new BigDecimal("3.00"));
    assertThatThrownBy(() -> new ChannelTotal(-1, BigDecimal.ONE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ChannelTotal(1, new BigDecimal("0.005")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void channel_codes_are_lowercase_names() {
    assertThat(PaymentChannel.WECHAT.code()).isEqualTo("wechat");
    assertThat(PaymentChannel.COUNTER.code()).isEqualTo("counter");
  }

  @Test
  void settings_default_to_shanghai_and_bind_a_zone() {
    Binder empty = new Binder(new MapConfigurationPropertySource(Map.of()));
    Binder utc =
        new Binder(
            new MapConfigurationPropertySource(Map.of("gridbot.payment.business-zone", "UTC")));

    assertThat(empty.bindOrCreate("gridbot.payment", PaymentSettings.class).businessZone())
        .isEqualTo(ZoneId.of("Asia/Shanghai"));
    assertThat(utc.bindOrCreate("gridbot.payment", PaymentSettings.class).businessZone())
        .isEqualTo(ZoneId.of("UTC"));
  }

  @Test
  void refund_retries_wait_a_minute_doubling_up_to_an_hour_and_refuse_bad_settings() {
    PaymentSettings.RefundRetry retry =
        new Binder(new MapConfigurationPropertySource(Map.of()))
            .bindOrCreate("gridbot.payment", PaymentSettings.class)
            .refunds();

    assertThat(retry.maxAttempts()).isEqualTo(20);
    assertThat(retry.waitAfter(1)).isEqualTo(Duration.ofMinutes(1));
    assertThat(retry.waitAfter(2)).isEqualTo(Duration.ofMinutes(2));
    assertThat(retry.waitAfter(6)).isEqualTo(Duration.ofMinutes(32));
    assertThat(retry.waitAfter(7)).isEqualTo(Duration.ofHours(1));
    assertThat(retry.waitAfter(1000)).isEqualTo(Duration.ofHours(1));
    assertThat(retry.exhausted(19)).isFalse();
    assertThat(retry.exhausted(20)).isTrue();
    assertThatThrownBy(() -> retry.waitAfter(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new PaymentSettings.RefundRetry(Duration.ofHours(2), Duration.ofHours(1), 20))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("first-retry-after");
    assertThatThrownBy(
            () -> new PaymentSettings.RefundRetry(Duration.ofMinutes(1), Duration.ofHours(1), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("max-attempts");
  }
}
