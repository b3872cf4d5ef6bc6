package io.gridbot.service.payment;

import static io.gridbot.service.payment.PaymentState.CLOSED;
import static io.gridbot.service.payment.PaymentState.CREATED;
import static io.gridbot.service.payment.PaymentState.PAID;
import static io.gridbot.service.payment.PaymentState.REFUNDED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PaymentStateTest {

  @ParameterizedTest
  @CsvSource({
    "CREATED, PAID",
    "CREATED, CLOSED",
    "CLOSED, PAID",
    "PAID, REFUNDED",
    "REFUNDED, PAID"
  })
  void allows_exactly_the_documented_transitions(PaymentState from, PaymentState to) {
    assertThat(from.canBecome(to)).isTrue();
  }

  @Test
  void refuses_every_other_transition() {
    int allowed = 0;
    for (PaymentState from : PaymentState.values()) {
      for (PaymentState to : PaymentState.values()) {
        if (from.canBecome(to)) {
          allowed++;
        }
      }
    }
    assertThat(allowed).isEqualTo(5);
    assertThat(PAID.canBecome(CLOSED)).isFalse();
    assertThat(REFUNDED.canBecome(CLOSED)).isFalse();
    assertThat(REFUNDED.canBecome(REFUNDED)).isFalse();
    assertThat(CLOSED.canBecome(REFUNDED)).isFalse();
    assertThat(CREATED.canBecome(REFUNDED)).isFalse();
    assertThat(PAID.canBecome(PAID)).isFalse();
  }

  @Test
  void a_refunded_order_only_becomes_paid_again_when_a_refund_is_reversed() {
    assertThat(REFUNDED.successors()).isEqualTo(EnumSet.of(PAID));
    assertThat(CREATED.successors()).isEqualTo(EnumSet.of(PAID, CLOSED));
  }

  @Test
  void refusal_names_both_states() {
    PaymentTransitionRefused refused =
        new PaymentTransitionRefused(new OutTradeNo("P2026112712000012345678"), PAID, CLOSED);

    assertThat(refused.code()).isEqualTo("payment.transition-refused");
    assertThat(refused.from()).isEqualTo(PAID);
    assertThat(refused.to()).isEqualTo(CLOSED);
    assertThat(refused).hasMessageContaining("from PAID to CLOSED");
  }
}
