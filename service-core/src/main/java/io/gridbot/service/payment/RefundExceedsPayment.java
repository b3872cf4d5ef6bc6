package io.gridbot.service.payment;

import io.gridbot.service.ServiceException;
import java.math.BigDecimal;

/** A refund asks for more than what is left of the order after earlier refunds. */
public class RefundExceedsPayment extends ServiceException {

  private final OutTradeNo outTradeNo;
  private final BigDecimal requested;
  private final BigDecimal refundable;

  public RefundExceedsPayment(OutTradeNo outTradeNo, BigDecimal requested, BigDecimal refundable) {
    super(
        "refund of "
            + requested.toPlainString()
            + " yuan on payment order "
            + outTradeNo
            + " exceeds the "
            + refundable.toPlainString()
            + " yuan still refundable");
    this.outTradeNo = outTradeNo;
    this.requested = requested;
    this.refundable = refundable;
  }

  public OutTradeNo outTradeNo() {
    return outTradeNo;
  }

  public BigDecimal requested() {
    return requested;
  }

  public BigDecimal refundable() {
    return refundable;
  }

  @Override
  public String code() {
    return "payment.refund-exceeds-payment";
  }
}
