package io.gridbot.service.execution;

import java.time.Instant;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface ExecutionMapper {

  /** The recorded outcome, or null. */
  String findOutcome(@Param("key") String key);

  /** Fails with a duplicate key when the key is recorded already. */
  void insert(@Param("key") String key, @Param("outcome") String outcome, @Param("at") Instant at);
}
