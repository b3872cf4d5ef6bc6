package io.gridbot.service.account;

import io.gridbot.service.ServiceException;

/** The user has no active binding for the account. */
public class BindingNotFound extends ServiceException {

  private final AccountNo accountNo;

  public BindingNotFound(ChannelUser user, AccountNo accountNo) {
    super(
        "no active binding of account "
            + accountNo.masked()
            + " for a "
            + user.channel()
            + " user");
    this.accountNo = accountNo;
  }

  public AccountNo accountNo() {
    return accountNo;
  }

  @Override
  public String code() {
    return "binding.not-found";
  }
}
