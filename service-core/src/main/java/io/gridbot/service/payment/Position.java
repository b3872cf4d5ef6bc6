package io.gridbot.service.payment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An account's money: its balance (prepaid credit) and its arrears (what it owes), yuan, scale 2.
 *
 * @throws NullPointerException if either is null
 * @throws IllegalArgumentException if either has more than two decimals
 */
public record Position(BigDecimal balance, BigDecimal arrears) {

  public Position {
    balance = twoDecimals(balance, "balance");
    arrears = twoDecimals(arrears, "arrears");
  }

  private static BigDecimal twoDecimals(BigDecimal value, String name) {
    Objects.requireNonNull(value, name);
    try {
      return value.setScale(2, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(name + " must have at most two decimals: " + value, e);
    }
  }
}
