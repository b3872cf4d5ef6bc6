package io.gridbot.service.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneDigitsTest {

  @Test
  void matches_the_last_four_digits() {
    assertThat(PhoneDigits.lastFourMatch("13800005678", "5678")).isTrue();
  }

  @Test
  void ignores_separators_in_the_registered_phone() {
    assertThat(PhoneDigits.lastFourMatch("+86 138-0000-5678", "5678")).isTrue();
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "5677", "8765", "678", "05678", "5678 ", "５６７８", "13800005678"})
  void rejects_anything_else(String typed) {
    assertThat(PhoneDigits.lastFourMatch("13800005678", typed)).isFalse();
  }

  @Test
  void never_matches_a_registered_phone_without_four_digits() {
    assertThat(PhoneDigits.lastFourMatch("123", "123")).isFalse();
    assertThat(PhoneDigits.lastFourMatch(null, "????")).isFalse();
    assertThat(PhoneDigits.lastFourMatch("", "????")).isFalse();
  }
}
