package io.gridbot.service.payment;

import io.gridbot.service.account.AccountNo;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface LedgerMapper {

  /** The account's balance and arrears, whatever its status, locking its row until commit. */
  Optional<Position> lockAccount(@Param("accountNo") AccountNo accountNo);

  int updatePosition(
      @Param("accountNo") AccountNo accountNo,
      @Param("balance") BigDecimal balance,
      @Param("arrears") BigDecimal arrears);

  /** Unpaid bills, oldest first, locked. */
  List<OpenBill> lockOpenBills(@Param("accountNo") AccountNo accountNo);

  /** Bills that payments or the balance covered at least in part, newest first, locked. */
  List<OpenBill> lockSettledBills(@Param("accountNo") AccountNo accountNo);

  Optional<OpenBill> lockBill(
      @Param("accountNo") AccountNo accountNo, @Param("period") YearMonth period);

  int settleBill(
      @Param("id") long id,
      @Param("settledAmount") BigDecimal settledAmount,
      @Param("paid") boolean paid,
      @Param("paidAt") Instant paidAt);

  void insertEntry(@Param("entry") LedgerEntry entry, @Param("dedupKey") String dedupKey);

  Optional<LedgerEntry> findByDedupKey(@Param("dedupKey") String dedupKey);

  /** Oldest first. */
  List<LedgerEntry> findEntries(@Param("accountNo") AccountNo accountNo);

  /** The sums of the account's balance and arrears deltas; zero without entries. */
  Position sumDeltas(@Param("accountNo") AccountNo accountNo);

  /** {@code PAYMENT} entries that occurred in [from, to). */
  List<LedgerPayment> findPaymentsBetween(@Param("from") Instant from, @Param("to") Instant to);

  /**
   * Refunds recorded in [from, to), oldest first, each with what all its ledger entries (of any
   * day) took off the account net.
   */
  List<LedgerRefund> findRefundsBetween(@Param("from") Instant from, @Param("to") Instant to);

  /**
   * {@code REFUND} and {@code REFUND_REVERSED} entries that occurred in [from, to) and name no
   * refund, with the channel of the order they name (null when there is none).
   */
  List<LedgerPayment> findStrayRefundEntriesBetween(
      @Param("from") Instant from, @Param("to") Instant to);
}
