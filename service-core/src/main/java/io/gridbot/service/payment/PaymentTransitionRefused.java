package io.gridbot.service.payment;

import io.gridbot.service.ServiceException;

/** The order's state machine ({@link PaymentState}) does not allow the change asked for. */
public class PaymentTransitionRefused extends ServiceException {

  private final OutTradeNo outTradeNo;
  private final PaymentState from;
  private final PaymentState to;

  public PaymentTransitionRefused(OutTradeNo outTradeNo, PaymentState from, PaymentState to) {
    super("payment order " + outTradeNo + " cannot change from " + from + " to " + to);
    this.outTradeNo = outTradeNo;
    this.from = from;
    this.to = to;
  }

  public OutTradeNo outTradeNo() {
    return outTradeNo;
  }

  public PaymentState from() {
    return from;
  }

  public PaymentState to() {
    return to;
  }

  @Override
  public String code() {
    return "payment.transition-refused";
  }
}
