package io.gridbot.service.account;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An active electricity account as the customer service sees it. Money is in yuan with scale 2.
 *
 * @param balance prepaid credit; zero for postpaid accounts
 * @param arrears amount owed; never negative
 * @param registeredPhone the phone number registered with the utility; personal data, never log it
 *     unmasked
 * @throws IllegalArgumentException if money has more than two decimals or arrears are negative
 * @throws NullPointerException if any component is null
 */
public record Account(
    AccountNo accountNo,
    long customerId,
    String customerName,
    BillingMode billingMode,
    BigDecimal balance,
    BigDecimal arrears,
    String address,
    String areaCode,
    String registeredPhone) {

  public Account {
    Objects.requireNonNull(accountNo, "accountNo");
    Objects.requireNonNull(customerName, "customerName");
    Objects.requireNonNull(billingMode, "billingMode");
    balance = money(balance, "balance");
    arrears = money(arrears, "arrears");
    if (arrears.signum() < 0) {
      throw new IllegalArgumentException("arrears must not be negative: " + arrears);
    }
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(areaCode, "areaCode");
    Objects.requireNonNull(registeredPhone, "registeredPhone");
  }

  private static BigDecimal money(BigDecimal amount, String name) {
    Objects.requireNonNull(amount, name);
    try {
      return amount.setScale(2, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(name + " must have at most two decimals: " + amount, e);
    }
  }
}
