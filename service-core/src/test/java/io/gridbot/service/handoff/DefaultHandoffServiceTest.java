package io.gridbot.service.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DefaultHandoffServiceTest {

  @Test
  void masks_long_digit_runs_and_keeps_short_numbers() {
    assertThat(DefaultHandoffService.mask("手机13812345678，交100元")).isEqualTo("手机13*******78，交100元");
    assertThat(DefaultHandoffService.mask(null)).isNull();
  }

  @Test
  void cuts_the_text_to_its_column_without_splitting_an_emoji() {
    String text = "a".repeat(254) + "😀" + "b";

    String masked = DefaultHandoffService.mask(text);

    assertThat(masked).hasSize(254);
    assertThat(DefaultHandoffService.mask("c".repeat(300))).hasSize(255);
  }
}
