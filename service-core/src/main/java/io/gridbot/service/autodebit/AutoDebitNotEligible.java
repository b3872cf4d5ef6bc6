package io.gridbot.service.autodebit;

import io.gridbot.service.ServiceException;
import io.gridbot.service.account.AccountNo;

/** The account may not sign auto-debit; nothing was written. */
public class AutoDebitNotEligible extends ServiceException {

  private final Eligibility.Reason reason;

  public AutoDebitNotEligible(AccountNo accountNo, Eligibility.Reason reason) {
    super("account " + accountNo.masked() + " may not sign auto-debit: " + reason);
    this.reason = reason;
  }

  public Eligibility.Reason reason() {
    return reason;
  }

  @Override
  public String code() {
    return "auto-debit.not-eligible";
  }
}
