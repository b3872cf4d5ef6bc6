package io.gridbot.service.follow;

import io.gridbot.service.account.ChannelUser;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface ChannelUserEventMapper {

  void insert(
      @Param("user") ChannelUser user,
      @Param("event") String event,
      @Param("detail") String detail,
      @Param("platformMsgId") String platformMsgId,
      @Param("at") Instant at);

  /** The user's events, oldest first, as {@code EVENT detail}. */
  List<String> findByUser(@Param("user") ChannelUser user);
}
