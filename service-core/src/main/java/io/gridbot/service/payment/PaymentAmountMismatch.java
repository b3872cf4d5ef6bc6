package io.gridbot.service.payment;

import io.gridbot.service.ServiceException;
import java.math.BigDecimal;

/**
 * A channel confirmed a payment with another amount than the order's. Nothing was credited or
 * changed; staff must look into it (the platform's notification should be answered as failed so
 * that it is retried and stays visible).
 */
public class PaymentAmountMismatch extends ServiceException {

  private final OutTradeNo outTradeNo;
  private final BigDecimal ordered;
  private final BigDecimal paid;

  public PaymentAmountMismatch(OutTradeNo outTradeNo, BigDecimal ordered, BigDecimal paid) {
    super(
        "payment order "
            + outTradeNo
            + " is for "
            + ordered.toPlainString()
            + " yuan but "
            + paid.toPlainString()
            + " yuan were confirmed");
    this.outTradeNo = outTradeNo;
    this.ordered = ordered;
    this.paid = paid;
  }

  public OutTradeNo outTradeNo() {
    return outTradeNo;
  }

  public BigDecimal ordered() {
    return ordered;
  }

  public BigDecimal paid() {
    return paid;
  }

  @Override
  public String code() {
    return "payment.amount-mismatch";
  }
}
