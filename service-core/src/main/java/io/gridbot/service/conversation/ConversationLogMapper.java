package io.gridbot.service.conversation;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface ConversationLogMapper {

  void insertAll(@Param("entries") List<ConversationLogEntry> entries);

  /** The latest {@code limit} entries, oldest first. */
  List<ConversationLogEntry> findLatest(
      @Param("channel") String channel,
      @Param("channelUserId") String channelUserId,
      @Param("limit") int limit);
}
