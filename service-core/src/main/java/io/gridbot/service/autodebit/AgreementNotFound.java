package io.gridbot.service.autodebit;

import io.gridbot.service.ServiceException;

/** No auto-debit agreement matches (no such request or agreement number, nothing to cancel). */
public class AgreementNotFound extends ServiceException {

  public AgreementNotFound(String what) {
    super("no auto-debit agreement: " + what);
  }

  @Override
  public String code() {
    return "auto-debit.agreement-not-found";
  }
}
