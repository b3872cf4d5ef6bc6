package io.gridbot.service.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface BindingMapper {

  Optional<Binding> findActive(
      @Param("user") ChannelUser user, @Param("accountNo") AccountNo accountNo);

  /** Default first, then oldest first. */
  List<Binding> findActiveByUser(@Param("user") ChannelUser user);

  void insert(
      @Param("user") ChannelUser user,
      @Param("accountNo") AccountNo accountNo,
      @Param("verifiedAt") Instant verifiedAt,
      @Param("isDefault") boolean isDefault);

  /** Ends an active binding and takes its default flag away; returns the rows changed. */
  int unbind(@Param("id") long id, @Param("unboundAt") Instant unboundAt);

  int clearDefaults(@Param("user") ChannelUser user);

  int markDefault(@Param("id") long id);
}
