package io.gridbot.service.account;

import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface AccountMapper {

  Optional<Account> findActive(@Param("accountNo") AccountNo accountNo);

  /** The registered phone of the active account, locking the account row until commit. */
  Optional<String> lockActiveForBinding(@Param("accountNo") AccountNo accountNo);

  Optional<Account> findDefaultOf(@Param("user") ChannelUser user);
}
