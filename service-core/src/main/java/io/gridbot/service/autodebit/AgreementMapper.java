package io.gridbot.service.autodebit;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.ChannelUser;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface AgreementMapper {

  /** The arrears of the active account, locking its row until commit; empty if none. */
  Optional<BigDecimal> lockActiveAccount(@Param("accountNo") AccountNo accountNo);

  /** Whether the account has the tag from any source. */
  boolean hasTag(@Param("accountNo") AccountNo accountNo, @Param("tag") String tag);

  void insert(
      @Param("requestId") String requestId,
      @Param("accountNo") AccountNo accountNo,
      @Param("user") ChannelUser user,
      @Param("channel") AutoDebitChannel channel,
      @Param("now") Instant now);

  Optional<Agreement> findByRequestId(@Param("requestId") String requestId);

  /** Latest first. */
  List<Agreement> findByAccount(@Param("accountNo") AccountNo accountNo);

  /** Moves the agreement on if it is still in {@code from}; returns the rows changed. */
  int transition(
      @Param("id") long id,
      @Param("from") AgreementState from,
      @Param("to") AgreementState to,
      @Param("agreementNo") String agreementNo,
      @Param("now") Instant now);
}
