package io.gridbot.service.handoff;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface HandoffMapper {

  /** A new queued handoff, unless the open key is taken; returns rows inserted. */
  int insertIfNoneOpen(@Param("h") Handoff handoff, @Param("openKey") String openKey);

  Handoff findOpen(@Param("openKey") String openKey);

  Handoff findById(@Param("id") long id);

  List<Handoff> findQueued(@Param("limit") int limit);

  int leave(@Param("openKey") String openKey, @Param("now") Instant now);

  /** QUEUED → HELD; returns rows changed (0 when it was not waiting). */
  /**
   * Locks the handoff's row until the transaction ends, so that agents claiming or releasing it at
   * once take turns instead of deadlocking on its indexes.
   *
   * @return the id, or null when there is no such handoff
   */
  Long lockById(@Param("id") long id);

  int claim(@Param("id") long id, @Param("agent") String agent, @Param("now") Instant now);

  /** HELD by the agent → RELEASED; returns rows changed. */
  int release(@Param("id") long id, @Param("agent") String agent, @Param("now") Instant now);
}
