package io.gridbot.service.points;

import io.gridbot.service.payment.PaymentConfirmed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Credits points for confirmed payments, inside the confirming transaction: the points commit or
 * roll back with the payment. Duplicate events credit nothing more.
 */
@Component
class PaymentPointsListener {

  private final PointsService points;

  PaymentPointsListener(PointsService points) {
    this.points = points;
  }

  @EventListener
  void on(PaymentConfirmed payment) {
    points.earnForPayment(payment);
  }
}
