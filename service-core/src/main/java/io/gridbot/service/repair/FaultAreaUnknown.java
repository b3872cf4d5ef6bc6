package io.gridbot.service.repair;

import io.gridbot.service.ServiceException;

/**
 * A fault report named neither an account nor an area code, so it cannot be routed to a crew; the
 * dialog should ask for the account number or resolve the address to an area first.
 */
public class FaultAreaUnknown extends ServiceException {

  public FaultAreaUnknown() {
    super("fault report names neither an account nor an area code");
  }

  @Override
  public String code() {
    return "repair.area-unknown";
  }
}
