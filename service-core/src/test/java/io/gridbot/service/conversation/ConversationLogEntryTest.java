package io.gridbot.service.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConversationLogEntryTest {

  private static final Instant AT = Instant.parse("2026-11-27T03:04:05.123456789Z");

  private static ConversationLogEntry entry(String text, BigDecimal confidence) {
    return new ConversationLogEntry(
        "wechat", "oUser", Direction.IN, "msg-1", text, "query_bill", confidence, AT);
  }

  @Test
  void cuts_text_to_2000_characters() {
    assertThat(entry("电".repeat(2500), null).text()).hasSize(2000).isEqualTo("电".repeat(2000));
    assertThat(entry("电".repeat(2000), null).text()).hasSize(2000);
  }

  @Test
  void never_keeps_half_of_a_surrogate_pair() {
    // given 1999 characters and then an emoji (two chars) across the limit
    String text = "a".repeat(1999) + "😀" + "b";

    // when
    String kept = entry(text, null).text();

    // then
    assertThat(kept).isEqualTo("a".repeat(1999));
  }

  @Test
  void rounds_confidence_to_four_decimals_and_accepts_the_bounds() {
    assertThat(entry("hi", new BigDecimal("0.87654")).confidence())
        .isEqualTo(new BigDecimal("0.8765"));
    assertThat(entry("hi", BigDecimal.ZERO).confidence()).isEqualTo(new BigDecimal("0.0000"));
    assertThat(entry("hi", BigDecimal.ONE).confidence()).isEqualTo(new BigDecimal("1.0000"));
    assertThat(entry("hi", null).confidence()).isNull();
  }

  @Test
  void rejects_confidence_outside_zero_to_one() {
    assertThatThrownBy(() -> entry("hi", new BigDecimal("1.0001")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> entry("hi", new BigDecimal("-0.1")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keeps_milliseconds_of_the_time() {
    assertThat(entry("hi", null).at()).isEqualTo(Instant.parse("2026-11-27T03:04:05.123Z"));
  }

  @Test
  void rejects_a_malformed_channel_user_or_overlong_ids() {
    assertThatThrownBy(
            () ->
                new ConversationLogEntry(
                    "WeChat", "oUser", Direction.IN, null, "hi", null, null, AT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new ConversationLogEntry(
                    "wechat", "oUser", Direction.IN, "m".repeat(129), "hi", null, null, AT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("messageId");
  }

  @Test
  void requires_direction_text_and_time() {
    assertThatThrownBy(
            () -> new ConversationLogEntry("web", "v1", null, null, "hi", null, null, AT))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(
            () -> new ConversationLogEntry("web", "v1", Direction.OUT, null, null, null, null, AT))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(
            () ->
                new ConversationLogEntry("web", "v1", Direction.OUT, null, "hi", null, null, null))
        .isInstanceOf(NullPointerException.class);
  }
}
