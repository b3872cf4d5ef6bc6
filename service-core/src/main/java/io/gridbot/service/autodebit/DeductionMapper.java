package io.gridbot.service.autodebit;

import io.gridbot.service.account.AccountNo;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface DeductionMapper {

  /** The bill's account, without locking anything; empty if no such bill. */
  Optional<AccountNo> accountOfBill(@Param("billId") long billId);

  /** Locks the account row (whatever its status): the order of locks the ledger keeps. */
  Optional<AccountNo> lockAccount(@Param("accountNo") AccountNo accountNo);

  /** The unpaid bill's outstanding amount; empty if it is paid, covered or missing. */
  Optional<BigDecimal> owed(@Param("billId") long billId);

  /** The latest signed agreement of the account on the channel; empty if none. */
  Optional<Agreement> signedAgreement(
      @Param("accountNo") AccountNo accountNo, @Param("channel") AutoDebitChannel channel);

  Optional<Agreement> findByAgreementNo(
      @Param("channel") AutoDebitChannel channel, @Param("agreementNo") String agreementNo);

  /** The request id of the agreement; empty if there is none. */
  Optional<String> requestIdOf(@Param("id") long id);

  /** See {@link io.gridbot.service.port.AutoDebitAgreements#due}. */
  List<DueRow> due(@Param("channel") AutoDebitChannel channel, @Param("limit") int limit);

  void insert(
      @Param("billId") long billId,
      @Param("agreementId") long agreementId,
      @Param("accountNo") AccountNo accountNo,
      @Param("outTradeNo") String outTradeNo,
      @Param("amount") BigDecimal amount,
      @Param("now") Instant now);

  Optional<DeductionRow> findByBill(@Param("billId") long billId);

  Optional<DeductionRow> findByOrder(@Param("outTradeNo") String outTradeNo);

  /** Locks the deduction row of the order (only that row) until commit; its id. */
  Optional<Long> lockByOrder(@Param("outTradeNo") String outTradeNo);

  /** Settles a pending (or failed, for a late success) deduction; returns the rows changed. */
  int settle(
      @Param("id") long id,
      @Param("state") String state,
      @Param("failure") String failure,
      @Param("now") Instant now);

  /** Counts an attempt to deduct. */
  void attempted(@Param("id") long id, @Param("now") Instant now);
}
