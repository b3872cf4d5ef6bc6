package io.gridbot.service.payment;

import io.gridbot.service.ServiceException;
import io.gridbot.service.account.AccountNo;
import java.time.YearMonth;

/**
 * The account has no bill for the period that could be charged to the ledger: none was issued, or
 * it was paid or partly covered before it was ever charged.
 */
public class BillNotChargeable extends ServiceException {

  private final AccountNo accountNo;
  private final YearMonth period;

  public BillNotChargeable(AccountNo accountNo, YearMonth period) {
    super("account " + accountNo.masked() + " has no chargeable bill for " + period);
    this.accountNo = accountNo;
    this.period = period;
  }

  public AccountNo accountNo() {
    return accountNo;
  }

  public YearMonth period() {
    return period;
  }

  @Override
  public String code() {
    return "ledger.bill-not-chargeable";
  }
}
