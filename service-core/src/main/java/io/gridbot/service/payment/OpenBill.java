package io.gridbot.service.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/** A bill as the ledger settles it: how much of it is covered so far. */
record OpenBill(
    long id,
    YearMonth period,
    BigDecimal amount,
    BigDecimal settledAmount,
    LocalDate dueDate,
    boolean paid) {

  /** What is still owed on it. */
  BigDecimal owed() {
    return amount.subtract(settledAmount);
  }
}
