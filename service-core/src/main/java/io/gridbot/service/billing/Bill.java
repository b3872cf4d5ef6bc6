package io.gridbot.service.billing;

import io.gridbot.service.account.AccountNo;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * A monthly electricity bill. Consumption is in kWh per time-of-use band, money in yuan; both have
 * scale 2.
 *
 * @throws NullPointerException if any component is null
 * @throws IllegalArgumentException if a quantity is negative or has more than two decimals
 */
public record Bill(
    AccountNo accountNo,
    YearMonth period,
    BigDecimal kwhPeak,
    BigDecimal kwhValley,
    BigDecimal kwhFlat,
    BigDecimal amount,
    LocalDate dueDate,
    boolean paid) {

  public Bill {
    Objects.requireNonNull(accountNo, "accountNo");
    Objects.requireNonNull(period, "period");
    kwhPeak = twoDecimals(kwhPeak, "kwhPeak");
    kwhValley = twoDecimals(kwhValley, "kwhValley");
    kwhFlat = twoDecimals(kwhFlat, "kwhFlat");
    amount = twoDecimals(amount, "amount");
    Objects.requireNonNull(dueDate, "dueDate");
  }

  /** Peak, valley and flat consumption added up. */
  public BigDecimal totalKwh() {
    return kwhPeak.add(kwhValley).add(kwhFlat);
  }

  private static BigDecimal twoDecimals(BigDecimal value, String name) {
    Objects.requireNonNull(value, name);
    if (value.signum() < 0) {
      throw new IllegalArgumentException(name + " must not be negative: " + value);
    }
    try {
      return value.setScale(2, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(name + " must have at most two decimals: " + value, e);
    }
  }
}
