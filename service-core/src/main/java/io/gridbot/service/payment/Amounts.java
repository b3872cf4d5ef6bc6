package io.gridbot.service.payment;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The amounts one order may carry: 0.01 to 50,000.00 yuan, at most two decimals. */
final class Amounts {

  static final BigDecimal MIN = new BigDecimal("0.01");
  static final BigDecimal MAX = new BigDecimal("50000.00");

  private Amounts() {}

  /**
   * The amount with scale 2.
   *
   * @throws PaymentAmountOutOfRange if it is null, below 0.01, above 50,000.00 or has more than two
   *     decimals
   */
  static BigDecimal payable(BigDecimal amount) {
    if (amount == null) {
      throw new PaymentAmountOutOfRange(null);
    }
    BigDecimal scaled;
    try {
      scaled = amount.setScale(2, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new PaymentAmountOutOfRange(amount);
    }
    if (scaled.compareTo(MIN) < 0 || scaled.compareTo(MAX) > 0) {
      throw new PaymentAmountOutOfRange(amount);
    }
    return scaled;
  }

  /** Yuan for customer-facing text, always two decimals: {@code 86.40}. */
  static String yuan(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
  }
}
