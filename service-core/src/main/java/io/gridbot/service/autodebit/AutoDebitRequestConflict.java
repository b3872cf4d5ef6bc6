package io.gridbot.service.autodebit;

import io.gridbot.service.ServiceException;

/** A signing request id was used before for another account, user or channel. */
public class AutoDebitRequestConflict extends ServiceException {

  public AutoDebitRequestConflict(String requestId) {
    super("auto-debit request " + requestId + " was used for another agreement");
  }

  @Override
  public String code() {
    return "auto-debit.request-conflict";
  }
}
