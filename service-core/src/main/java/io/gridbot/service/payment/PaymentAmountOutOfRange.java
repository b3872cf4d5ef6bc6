package io.gridbot.service.payment;

import io.gridbot.service.ServiceException;
import java.math.BigDecimal;

/** An amount to pay or refund is missing, not 0.01 to 50,000.00 yuan, or has over two decimals. */
public class PaymentAmountOutOfRange extends ServiceException {

  private final BigDecimal amount;

  public PaymentAmountOutOfRange(BigDecimal amount) {
    super(
        "amount "
            + (amount == null ? "null" : amount.toPlainString())
            + " is not 0.01 to 50000.00 yuan with at most two decimals");
    this.amount = amount;
  }

  /** The amount as given; null if none was. */
  public BigDecimal amount() {
    return amount;
  }

  @Override
  public String code() {
    return "payment.amount-out-of-range";
  }
}
