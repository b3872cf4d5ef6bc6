package io.gridbot.service.billing;

import io.gridbot.service.account.AccountNo;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** Reads an account's bills. Unknown accounts simply have no bills. */
public interface BillService {

  /**
   * The account's latest {@code months} bills, newest first.
   *
   * @param months how many bills at most, 1 to 120
   * @throws IllegalArgumentException if {@code months} is out of range
   */
  List<Bill> recentBills(AccountNo no, int months);

  /** The account's unpaid bills, oldest first. */
  List<Bill> unpaidBills(AccountNo no);

  /** The account's bill for the period, if one was issued. */
  Optional<Bill> bill(AccountNo no, YearMonth period);
}
