package io.gridbot.service.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class AccountTest {

  private static Account account(String balance, String arrears) {
    return new Account(
        new AccountNo("3300000001"),
        1L,
        "张伟",
        BillingMode.PREPAID,
        new BigDecimal(balance),
        new BigDecimal(arrears),
        "幸福小区3栋2单元501",
        "CN-330106-017",
        "13800000001");
  }

  @Test
  void money_has_scale_two() {
    // when
    Account account = account("12.5", "0");

    // then
    assertThat(account.balance()).isEqualTo(new BigDecimal("12.50"));
    assertThat(account.arrears()).isEqualTo(new BigDecimal("0.00"));
  }

  @Test
  void rejects_fractions_of_a_fen() {
    assertThatThrownBy(() -> account("12.505", "0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("balance");
  }

  @Test
  void rejects_negative_arrears() {
    assertThatThrownBy(() -> account("0", "-0.01"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("arrears");
  }
}
