package io.gridbot.service.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.service.account.AccountNo;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class BillTest {

  private static Bill bill(String peak, String valley, String flat, String amount) {
    return new Bill(
        new AccountNo("3300000003"),
        YearMonth.of(2026, 7),
        new BigDecimal(peak),
        new BigDecimal(valley),
        new BigDecimal(flat),
        new BigDecimal(amount),
        LocalDate.of(2026, 8, 25),
        false);
  }

  @Test
  void total_kwh_adds_the_three_bands() {
    assertThat(bill("212.40", "158.20", "79.60", "209.03").totalKwh())
        .isEqualTo(new BigDecimal("450.20"));
  }

  @Test
  void quantities_have_scale_two() {
    Bill bill = bill("1", "2.5", "0", "3");

    assertThat(bill.kwhValley()).isEqualTo(new BigDecimal("2.50"));
    assertThat(bill.amount()).isEqualTo(new BigDecimal("3.00"));
  }

  @Test
  void rejects_negative_or_too_precise_quantities() {
    assertThatThrownBy(() -> bill("-1", "0", "0", "0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kwhPeak");
    assertThatThrownBy(() -> bill("1", "0", "0", "0.001"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("amount");
  }
}
