package io.gridbot.service.invoice;

import io.gridbot.service.ServiceException;
import io.gridbot.service.payment.OutTradeNo;
import io.gridbot.service.payment.PaymentState;

/** Only a paid order gets an invoice; this one is not paid (or was refunded). */
public class PaymentNotInvoiceable extends ServiceException {

  private final OutTradeNo outTradeNo;

  public PaymentNotInvoiceable(OutTradeNo outTradeNo, PaymentState state) {
    super("payment " + outTradeNo + " is " + state + ", not PAID: no invoice");
    this.outTradeNo = outTradeNo;
  }

  public OutTradeNo outTradeNo() {
    return outTradeNo;
  }

  @Override
  public String code() {
    return "invoice.payment-not-paid";
  }
}
