package io.gridbot.service.account;

import io.gridbot.service.ServiceException;

/** The account does not exist or is closed. */
public class AccountNotFound extends ServiceException {

  private final AccountNo accountNo;

  public AccountNotFound(AccountNo accountNo) {
    super("account " + accountNo.masked() + " does not exist or is closed");
    this.accountNo = accountNo;
  }

  public AccountNo accountNo() {
    return accountNo;
  }

  @Override
  public String code() {
    return "account.not-found";
  }
}
