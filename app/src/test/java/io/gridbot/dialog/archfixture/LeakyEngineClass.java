package io.gridbot.dialog.archfixture;

import io.gridbot.service.account.AccountNo;

/** A deliberate violation: engine code using the business. Only the architecture test reads it. */
public class LeakyEngineClass {

  public String leak(AccountNo accountNo) {
    return accountNo.value();
  }
}
