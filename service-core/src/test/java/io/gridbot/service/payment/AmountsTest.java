package io.gridbot.service.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AmountsTest {

  @ParameterizedTest
  @ValueSource(strings = {"0.01", "1", "86.4", "50000", "50000.00", "49999.99"})
  void payable_amounts_get_scale_two(String amount) {
    BigDecimal payable = Amounts.payable(new BigDecimal(amount));

    assertThat(payable.scale()).isEqualTo(2);
    assertThat(payable).isEqualByComparingTo(amount);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "0.00", "0.001", "-1.00", "50000.01", "1.005", "100000"})
  void other_amounts_are_refused(String amount) {
    assertThatThrownBy(() -> Amounts.payable(new BigDecimal(amount)))
        .isInstanceOf(PaymentAmountOutOfRange.class)
        .hasMessageContaining(amount)
        .satisfies(
            e -> {
              PaymentAmountOutOfRange refused = (PaymentAmountOutOfRange) e;
              assertThat(refused.code()).isEqualTo("payment.amount-out-of-range");
              assertThat(refused.amount()).isEqualTo(new BigDecimal(amount));
            });
  }

  @Test
  void null_is_refused() {
    assertThatThrownBy(() -> Amounts.payable(null)).isInstanceOf(PaymentAmountOutOfRange.class);
  }

  @Test
  void yuan_always_shows_two_decimals() {
    assertThat(Amounts.yuan(new BigDecimal("86.4"))).isEqualTo("86.40");
    assertThat(Amounts.yuan(new BigDecimal("50000"))).isEqualTo("50000.00");
  }
}
