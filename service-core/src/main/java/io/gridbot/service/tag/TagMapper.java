package io.gridbot.service.tag;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.tag.TagRules.AccountFacts;
import io.gridbot.service.tag.TagRules.BillFacts;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface TagMapper {

  /** One account's tag as written or removed by the rules. */
  record RuleTag(AccountNo accountNo, CustomerTag tag) {}

  Optional<AccountFacts> findAccount(@Param("accountNo") AccountNo accountNo);

  /** Accounts of any status after {@code after} (null: from the start), in account order. */
  List<AccountFacts> findAccountsAfter(@Param("after") AccountNo after, @Param("limit") int limit);

  /** The latest {@code perAccount} bills of each account, by account, then newest first. */
  List<BillFacts> findLatestBills(
      @Param("accountNos") List<AccountNo> accountNos, @Param("perAccount") int perAccount);

  List<RuleTag> findRuleTags(@Param("accountNos") List<AccountNo> accountNos);

  int deleteRuleTags(@Param("tags") List<RuleTag> tags);

  /** Fails with a duplicate key if one of them exists already. */
  void insertRuleTags(@Param("tags") List<RuleTag> tags, @Param("at") Instant at);

  /** Fails with a duplicate key if the staff tag exists already. */
  void insertStaffTag(
      @Param("accountNo") AccountNo accountNo,
      @Param("tag") CustomerTag tag,
      @Param("addedBy") String addedBy,
      @Param("at") Instant at);

  int deleteStaffTag(@Param("accountNo") AccountNo accountNo, @Param("tag") CustomerTag tag);

  List<AccountTag> findTags(@Param("accountNo") AccountNo accountNo);

  /** Active accounts with the tag from either source, after {@code after}, in account order. */
  List<AccountNo> findAccountsWithTag(
      @Param("tag") CustomerTag tag, @Param("after") AccountNo after, @Param("limit") int limit);
}
