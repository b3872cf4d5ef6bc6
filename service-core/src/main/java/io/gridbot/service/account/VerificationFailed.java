package io.gridbot.service.account;

import io.gridbot.service.ServiceException;

/** The user did not prove they may act for the account: the phone digits were wrong. */
public class VerificationFailed extends ServiceException {

  private final AccountNo accountNo;

  public VerificationFailed(ChannelUser user, AccountNo accountNo) {
    super(
        "verification for account "
            + accountNo.masked()
            + " failed for a "
            + user.channel()
            + " user");
    this.accountNo = accountNo;
  }

  public AccountNo accountNo() {
    return accountNo;
  }

  @Override
  public String code() {
    return "binding.verification-failed";
  }
}
