package io.gridbot.service.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutTradeNoTest {

  @Test
  void accepts_p_and_22_digits() {
    OutTradeNo no = new OutTradeNo("P2026112712000012345678");

    assertThat(no.value()).isEqualTo("P2026112712000012345678");
    assertThat(no).hasToString("P2026112712000012345678");
    assertThat(OutTradeNo.isWellFormed(no.value())).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "P202611271200001234567", // 21 digits
        "P20261127120000123456789", // 23 digits
        "p2026112712000012345678", // lowercase
        "R2026112712000012345678", // a refund number
        "P20261127120000 2345678",
        "P2026112712000012345678\n",
        "P２026112712000012345678" // full-width digit
      })
  void rejects_anything_else(String candidate) {
    assertThatThrownBy(() -> new OutTradeNo(candidate))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("P followed by 22 ASCII digits");
    assertThat(OutTradeNo.isWellFormed(candidate)).isFalse();
  }

  @Test
  void rejects_null() {
    assertThatThrownBy(() -> new OutTradeNo(null)).isInstanceOf(IllegalArgumentException.class);
    assertThat(OutTradeNo.isWellFormed(null)).isFalse();
  }

  @Test
  void generated_ids_carry_the_local_time_and_fit_both_platforms() {
    // given 2026-11-27 16:05:09 UTC, which is 2026-11-28 00:05:09 in Shanghai
    Clock clock = Clock.fixed(Instant.parse("2026-11-27T16:05:09Z"), ZoneOffset.UTC);
    TradeNumbers numbers = new TradeNumbers(clock, ZoneId.of("Asia/Shanghai"), new Random(7));

    // when
    OutTradeNo order = numbers.nextOrder();
    String refund = numbers.nextRefund();

    // then
    assertThat(order.value()).startsWith("P20261128000509").hasSize(23);
    assertThat(refund).startsWith("R20261128000509").hasSize(23).matches("[A-Za-z0-9]{6,32}");
  }

  @Test
  void generated_ids_differ_within_one_second() {
    Clock clock = Clock.fixed(Instant.parse("2026-11-27T08:00:00Z"), ZoneOffset.UTC);
    TradeNumbers numbers = new TradeNumbers(clock, ZoneId.of("Asia/Shanghai"), new Random(1));
    Set<OutTradeNo> ids = new HashSet<>();

    for (int i = 0; i < 1000; i++) {
      ids.add(numbers.nextOrder());
    }

    assertThat(ids).hasSize(1000);
  }
}
