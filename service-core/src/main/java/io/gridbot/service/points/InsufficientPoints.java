package io.gridbot.service.points;

import io.gridbot.service.ServiceException;
import io.gridbot.service.account.AccountNo;

/** The account has fewer points than it wanted to spend; nothing was taken. */
public class InsufficientPoints extends ServiceException {

  private final AccountNo accountNo;
  private final int balance;
  private final int needed;

  public InsufficientPoints(AccountNo accountNo, int balance, int needed) {
    super(
        "account " + accountNo.masked() + " has " + balance + " points, " + needed + " are needed");
    this.accountNo = accountNo;
    this.balance = balance;
    this.needed = needed;
  }

  public AccountNo accountNo() {
    return accountNo;
  }

  public int balance() {
    return balance;
  }

  public int needed() {
    return needed;
  }

  @Override
  public String code() {
    return "points.insufficient";
  }
}
