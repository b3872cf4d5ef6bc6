package io.gridbot.app.pay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.gridbot.channel.web.DemoCashier.DemoOrder;
import io.gridbot.service.account.AccountNo;
import io.gridbot.service.payment.OutTradeNo;
import io.gridbot.service.payment.PaymentChannel;
import io.gridbot.service.payment.PaymentOrder;
import io.gridbot.service.payment.PaymentService;
import io.gridbot.service.payment.PaymentState;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PaymentDemoCashierTest {

  private static final OutTradeNo NO = new OutTradeNo("P2026112710000012345678");
  private static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");

  private final PaymentService payments = mock(PaymentService.class);
  private final PaymentDemoCashier cashier =
      new PaymentDemoCashier(payments, Clock.fixed(NOW, ZoneOffset.UTC));

  private static PaymentOrder order(PaymentState state) {
    return new PaymentOrder(
        NO,
        new AccountNo("3300000002"),
        new BigDecimal("86.40"),
        PaymentChannel.WEB,
        null,
        state,
        null,
        BigDecimal.ZERO.setScale(2),
        NOW,
        null,
        null,
        null);
  }

  @Test
  void paysTheOrderInFullWithADemoTransaction() {
    when(payments.find(NO)).thenReturn(Optional.of(order(PaymentState.CREATED)));
    when(payments.confirm(NO, new BigDecimal("86.40"), "DEMO-" + NO.value(), NOW))
        .thenReturn(order(PaymentState.PAID));

    assertThat(cashier.pay(NO.value()))
        .contains(new DemoOrder(NO.value(), "3300****02", new BigDecimal("86.40"), true));
  }

  @Test
  void aPaidOrderIsReturnedWithoutConfirmingAgain() {
    when(payments.find(NO)).thenReturn(Optional.of(order(PaymentState.PAID)));

    assertThat(cashier.pay(NO.value())).get().extracting(DemoOrder::paid).isEqualTo(true);
    verify(payments, never()).confirm(any(), any(), any(), any());
  }

  @Test
  void malformedOrUnknownIdsFindNothing() {
    when(payments.find(any())).thenReturn(Optional.empty());

    assertThat(cashier.find("../etc")).isEmpty();
    assertThat(cashier.pay(NO.value())).isEmpty();
    assertThat(cashier.find(NO.value())).isEmpty();
  }
}
