package io.gridbot.app.staff;

import io.gridbot.service.ServiceException;
import io.gridbot.service.account.AccountNo;
import io.gridbot.service.tag.CustomerTag;

/** Staff never set this tag on the account (rule tags cannot be removed by staff). */
class StaffTagNotFound extends ServiceException {

  StaffTagNotFound(AccountNo accountNo, CustomerTag tag) {
    super("account " + accountNo.masked() + " has no staff tag " + tag);
  }

  @Override
  public String code() {
    return "tag.staff-tag-not-found";
  }
}
