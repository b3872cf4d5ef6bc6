package io.gridbot.service.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountNoTest {

  @ParameterizedTest
  @ValueSource(strings = {"3300000001", "3300000000123"})
  void accepts_ten_or_thirteen_ascii_digits(String digits) {
    // when
    AccountNo no = new AccountNo(digits);

    // then
    assertThat(no.value()).isEqualTo(digits);
    assertThat(no).hasToString(digits);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "330000000", // 9 digits
        "33000000011", // 11
        "330000000112", // 12
        "33000000011234", // 14
        "33000000O1", // letter O
        "abcdefghij",
        "３３０００００００１", // full-width digits
        "3300 00001",
        " 3300000001",
        "3300000001\n",
        "-330000001",
        ""
      })
  void rejects_anything_but_ten_or_thirteen_ascii_digits(String candidate) {
    assertThatThrownBy(() -> new AccountNo(candidate))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("10 or 13 ASCII digits");
    assertThat(AccountNo.isWellFormed(candidate)).isFalse();
  }

  @Test
  void rejects_null() {
    assertThatThrownBy(() -> new AccountNo(null)).isInstanceOf(IllegalArgumentException.class);
    assertThat(AccountNo.isWellFormed(null)).isFalse();
  }

  @Test
  void rejection_message_does_not_repeat_the_input() {
    assertThatThrownBy(() -> new AccountNo("13800001234x")).message().doesNotContain("13800001234");
  }

  @Test
  void masked_keeps_first_four_and_last_two_digits() {
    assertThat(new AccountNo("3300000001").masked()).isEqualTo("3300****01");
    assertThat(new AccountNo("3302123456790").masked()).isEqualTo("3302****90");
  }

  @Test
  void equal_when_digits_are_equal() {
    assertThat(new AccountNo("3300000001")).isEqualTo(new AccountNo("3300000001"));
    assertThat(new AccountNo("3300000001")).isNotEqualTo(new AccountNo("3300000002"));
  }
}
