package io.gridbot.service.billing;

import io.gridbot.service.account.AccountNo;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class DefaultBillService implements BillService {

  static final int MAX_MONTHS = 120;

  private final BillMapper bills;

  DefaultBillService(BillMapper bills) {
    this.bills = bills;
  }

  @Override
  public List<Bill> recentBills(AccountNo no, int months) {
    if (months < 1 || months > MAX_MONTHS) {
      throw new IllegalArgumentException("months must be 1 to " + MAX_MONTHS + ", got " + months);
    }
    return bills.findLatest(Objects.requireNonNull(no, "no"), months);
  }

  @Override
  public List<Bill> unpaidBills(AccountNo no) {
    return bills.findUnpaid(Objects.requireNonNull(no, "no"));
  }

  @Override
  public Optional<Bill> bill(AccountNo no, YearMonth period) {
    return bills.find(Objects.requireNonNull(no, "no"), Objects.requireNonNull(period, "period"));
  }
}
