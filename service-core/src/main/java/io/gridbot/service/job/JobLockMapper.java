package io.gridbot.service.job;

import java.time.Instant;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface JobLockMapper {

  /** Creates the lock row, free, unless it exists. */
  int insertIfAbsent(@Param("name") String name, @Param("free") Instant free);

  /** Takes the lock if it is free at {@code now}; returns rows changed (1 = taken). */
  int acquire(
      @Param("name") String name,
      @Param("holder") String holder,
      @Param("now") Instant now,
      @Param("until") Instant until);

  int release(
      @Param("name") String name, @Param("holder") String holder, @Param("now") Instant now);
}
