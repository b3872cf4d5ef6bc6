package io.gridbot.app.pay;

import io.gridbot.channel.web.DemoCashier;
import io.gridbot.dialog.Masking;
import io.gridbot.service.payment.OutTradeNo;
import io.gridbot.service.payment.PaymentOrder;
import io.gridbot.service.payment.PaymentService;
import io.gridbot.service.payment.PaymentState;
import java.time.Clock;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** The demo payment page's orders, paid straight through the payment service. */
@Component
@ConditionalOnProperty(name = "gridbot.web.demo-pay.enabled", havingValue = "true")
class PaymentDemoCashier implements DemoCashier {

  private final PaymentService payments;
  private final Clock clock;

  @Autowired
  PaymentDemoCashier(PaymentService payments) {
    this(payments, Clock.systemUTC());
  }

  PaymentDemoCashier(PaymentService payments, Clock clock) {
    this.payments = payments;
    this.clock = clock;
  }

  @Override
  public Optional<DemoOrder> find(String outTradeNo) {
    if (!OutTradeNo.isWellFormed(outTradeNo)) {
      return Optional.empty();
    }
    return payments.find(new OutTradeNo(outTradeNo)).map(PaymentDemoCashier::view);
  }

  @Override
  public Optional<DemoOrder> pay(String outTradeNo) {
    if (!OutTradeNo.isWellFormed(outTradeNo)) {
      return Optional.empty();
    }
    OutTradeNo no = new OutTradeNo(outTradeNo);
    Optional<PaymentOrder> order = payments.find(no);
    if (order.isEmpty() || isPaid(order.get())) {
      return order.map(PaymentDemoCashier::view);
    }
    return Optional.of(
        view(payments.confirm(no, order.get().amount(), "DEMO-" + outTradeNo, clock.instant())));
  }

  private static boolean isPaid(PaymentOrder order) {
    return order.state() == PaymentState.PAID || order.state() == PaymentState.REFUNDED;
  }

  private static DemoOrder view(PaymentOrder order) {
    return new DemoOrder(
        order.outTradeNo().value(),
        Masking.account(order.accountNo().value()),
        order.amount(),
        isPaid(order));
  }
}
