package io.gridbot.service.job;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.ChannelUser;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The candidates of the scheduled scans, a page at a time in id order. */
@Mapper
interface ScanMapper {

  /** Active low_balance subscriptions whose bound, active, prepaid account is under threshold. */
  List<LowBalance> findLowBalances(@Param("afterId") long afterId, @Param("limit") int limit);

  /** Active postpaid accounts with arrears and at least one active arrears subscription. */
  List<Arrears> findArrears(@Param("after") String afterAccountNo, @Param("limit") int limit);

  /** Bills created since {@code since} whose account has an active monthly_bill subscription. */
  List<NewBill> findNewBills(
      @Param("since") Instant since, @Param("afterId") long afterId, @Param("limit") int limit);

  record LowBalance(
      long subscriptionId,
      ChannelUser user,
      AccountNo accountNo,
      BigDecimal balance,
      BigDecimal threshold) {}

  record Arrears(AccountNo accountNo, BigDecimal arrears) {}

  record NewBill(
      long billId,
      AccountNo accountNo,
      YearMonth period,
      BigDecimal kwh,
      BigDecimal amount,
      LocalDate dueDate) {}
}
