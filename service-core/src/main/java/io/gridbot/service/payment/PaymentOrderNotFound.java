package io.gridbot.service.payment;

import io.gridbot.service.ServiceException;

/** No payment order has this out_trade_no. */
public class PaymentOrderNotFound extends ServiceException {

  private final OutTradeNo outTradeNo;

  public PaymentOrderNotFound(OutTradeNo outTradeNo) {
    super("payment order " + outTradeNo + " does not exist");
    this.outTradeNo = outTradeNo;
  }

  public OutTradeNo outTradeNo() {
    return outTradeNo;
  }

  @Override
  public String code() {
    return "payment.order-not-found";
  }
}
