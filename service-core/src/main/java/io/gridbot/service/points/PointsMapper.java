package io.gridbot.service.points;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.points.Lots.Lot;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface PointsMapper {

  /** A new ledger entry; {@code expiresAt} and {@code remaining} are set for lots only. */
  record NewEntry(
      AccountNo accountNo,
      int delta,
      PointsReason reason,
      String reference,
      Instant createdAt,
      Instant expiresAt,
      Integer remaining) {}

  boolean isActiveAccount(@Param("accountNo") AccountNo accountNo);

  /**
   * Locks the account row of an active account (the row the ledger locks), before the points
   * account: see DefaultPointsService for the lock order.
   *
   * @return the account number; empty if the account does not exist or is closed
   */
  Optional<String> lockActiveAccount(@Param("accountNo") AccountNo accountNo);

  boolean hasPointsAccount(@Param("accountNo") AccountNo accountNo);

  /** Fails with a duplicate key if the points account exists already. */
  void insertPointsAccount(@Param("accountNo") AccountNo accountNo, @Param("at") Instant at);

  /** The balance, locking the points account until commit; empty if there is none. */
  Optional<Integer> lockBalance(@Param("accountNo") AccountNo accountNo);

  /** Adds to the balance unless it would go below zero; returns the rows changed (0 or 1). */
  int addToBalance(
      @Param("accountNo") AccountNo accountNo, @Param("delta") int delta, @Param("at") Instant at);

  /** Fails with a duplicate key if (reason, reference) exists already. */
  void insertEntry(NewEntry entry);

  Optional<PointsEntry> findEntry(
      @Param("reason") PointsReason reason, @Param("reference") String reference);

  /** The account's lots with unspent points, FIFO order (expiry, then id), locked until commit. */
  List<Lot> lockOpenLots(@Param("accountNo") AccountNo accountNo);

  /** The account's lots with unspent points due at {@code asOf}, locked until commit. */
  List<Lot> lockDueLots(@Param("accountNo") AccountNo accountNo, @Param("asOf") Instant asOf);

  int setRemaining(@Param("id") long id, @Param("remaining") int remaining);

  /** Accounts after {@code after} (null: from the start) with lots due at {@code asOf}. */
  List<AccountNo> findAccountsWithDueLots(
      @Param("asOf") Instant asOf, @Param("after") AccountNo after, @Param("limit") int limit);

  /** The balance less the unspent points of lots due at {@code asOf}; empty without account. */
  Optional<Integer> spendableBalance(
      @Param("accountNo") AccountNo accountNo, @Param("asOf") Instant asOf);

  /** Latest first (time, then id). */
  List<PointsEntry> findHistory(
      @Param("accountNo") AccountNo accountNo,
      @Param("offset") int offset,
      @Param("limit") int limit);

  long countEntries(@Param("accountNo") AccountNo accountNo);
}
