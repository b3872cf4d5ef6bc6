package io.gridbot.service.tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Period;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class TagSettingsAndTagsTest {

  @Test
  void defaults_and_binding() {
    TagSettings defaults = TagSettings.defaults();
    assertThat(defaults.lowBalance()).isEqualTo(new BigDecimal("20.00"));
    assertThat(defaults.lateBills()).isEqualTo(2);
    assertThat(defaults.lookback()).isEqualTo(Period.ofMonths(12));
    assertThat(defaults.peakShare()).isEqualByComparingTo("0.5");
    assertThat(defaults.autoDebitMinPaidBills()).isEqualTo(3);

    TagSettings bound =
        new Binder(
                new MapConfigurationPropertySource(
                    Map.of(
                        "gridbot.tags.low-balance", "30",
                        "gridbot.tags.peak-share", "0.6",
                        "gridbot.tags.high-consumption-kwh", "500")))
            .bindOrCreate("gridbot.tags", TagSettings.class);
    assertThat(bound.lowBalance()).isEqualTo(new BigDecimal("30.00"));
    assertThat(bound.peakShare()).isEqualByComparingTo("0.6");
    assertThat(bound.highConsumptionKwh()).isEqualByComparingTo("500");
    assertThat(bound.lateBills()).isEqualTo(2);
  }

  @Test
  void rejects_thresholds_that_cannot_work() {
    assertThatThrownBy(
            () -> new TagSettings(null, null, null, null, new BigDecimal("1.5"), null, null, null))
        .hasMessageContaining("peak-share");
    assertThatThrownBy(() -> new TagSettings(null, 0, null, null, null, null, null, null))
        .hasMessageContaining("late-bills");
    assertThatThrownBy(() -> new TagSettings(null, null, null, null, null, 25, null, null))
        .hasMessageContaining("auto-debit-min-paid-bills");
    assertThatThrownBy(() -> new TagSettings(null, null, Period.ZERO, null, null, null, null, null))
        .hasMessageContaining("lookback");
  }

  @Test
  void every_tag_has_a_chinese_label_and_a_polite_tip() {
    for (CustomerTag tag : CustomerTag.values()) {
      assertThat(tag.label()).as(tag.name()).matches(".*\\p{IsHan}.*");
      assertThat(tag.tip()).as(tag.name()).matches(".*\\p{IsHan}.*").endsWith("。");
    }
    assertThat(CustomerTag.EV_CHARGER.ruleBased()).isTrue();
    assertThat(CustomerTag.ELDERLY.ruleBased()).isFalse();
    assertThat(CustomerTag.PEAK_HEAVY.ruleBased()).isTrue();
    assertThat(CustomerTag.PEAK_HEAVY.tip()).contains("峰谷");
    assertThat(CustomerTag.PREPAID_LOW_BALANCE.tip()).contains("充值");
  }
}
