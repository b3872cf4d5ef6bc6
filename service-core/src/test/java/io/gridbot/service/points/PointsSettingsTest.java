package io.gridbot.service.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Period;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class PointsSettingsTest {

  @Test
  void defaults() {
    PointsSettings settings = PointsSettings.defaults();

    assertThat(settings.yuanPerPoint()).isEqualTo(BigDecimal.TEN);
    assertThat(settings.onTimeBonus()).isEqualTo(5);
    assertThat(settings.onlineMonthlyBonus()).isEqualTo(10);
    assertThat(settings.onlineChannels()).containsExactlyInAnyOrder("wechat", "alipay", "web");
    assertThat(settings.onlineServicePoints()).isEqualTo(5);
    assertThat(settings.validity().toTotalMonths()).isEqualTo(24);
    assertThat(settings.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    assertThat(settings.maxQuantity()).isEqualTo(10);
  }

  @Test
  void binds_from_properties() {
    Map<String, String> properties =
        Map.of(
            "gridbot.points.yuan-per-point", "5",
            "gridbot.points.validity", "P18M",
            "gridbot.points.online-channels", "wechat",
            "gridbot.points.zone", "Asia/Urumqi",
            "gridbot.points.max-quantity", "3");

    PointsSettings settings =
        new Binder(new MapConfigurationPropertySource(properties))
            .bindOrCreate("gridbot.points", PointsSettings.class);

    assertThat(settings.yuanPerPoint()).isEqualByComparingTo("5");
    assertThat(settings.validity().toTotalMonths()).isEqualTo(18);
    assertThat(settings.onlineChannels()).isEqualTo(Set.of("wechat"));
    assertThat(settings.zone()).isEqualTo(ZoneId.of("Asia/Urumqi"));
    assertThat(settings.maxQuantity()).isEqualTo(3);
    assertThat(settings.onTimeBonus()).isEqualTo(5);
  }

  @Test
  void rejects_settings_that_cannot_work() {
    assertThatThrownBy(
            () ->
                new PointsSettings(BigDecimal.ZERO, null, null, null, null, null, null, null, null))
        .hasMessageContaining("yuan-per-point");
    assertThatThrownBy(() -> new PointsSettings(null, -1, null, null, null, null, null, null, null))
        .hasMessageContaining("on-time-bonus");
    assertThatThrownBy(
            () -> new PointsSettings(null, null, null, null, null, Period.ZERO, null, null, null))
        .hasMessageContaining("validity");
    assertThatThrownBy(() -> new PointsSettings(null, null, null, null, null, null, null, 0, null))
        .hasMessageContaining("max-quantity");
  }
}
