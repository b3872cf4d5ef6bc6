package io.gridbot.service.outage;

import io.gridbot.service.account.AccountNo;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface OutageMapper {

  /** A new outage row; its generated id is written back into {@code row.id}. */
  void insert(NewOutage row);

  void insertArea(@Param("outageId") long outageId, @Param("areaPrefix") String areaPrefix);

  void insertEvent(
      @Param("outageId") long outageId,
      @Param("from") OutageState from,
      @Param("to") OutageState to,
      @Param("expectedEnd") Instant expectedEnd,
      @Param("actor") String actor,
      @Param("note") String note,
      @Param("at") Instant at);

  Optional<OutageRow> find(@Param("id") long id);

  /** The outage row, locked until commit. */
  Optional<OutageRow> lock(@Param("id") long id);

  List<String> findAreas(@Param("id") long id);

  /** Moves the outage from one state to another; returns the rows changed (0 if not in from). */
  int moveTo(
      @Param("id") long id,
      @Param("from") OutageState from,
      @Param("to") OutageState to,
      @Param("restoredAt") Instant restoredAt,
      @Param("at") Instant at);

  int updateEstimate(
      @Param("id") long id, @Param("expectedEnd") Instant expectedEnd, @Param("at") Instant at);

  Optional<OutageRow> findCovering(@Param("area") String area, @Param("at") Instant at);

  List<OutageRow> findCurrent();

  long countAffectedAccounts(@Param("id") long id);

  List<AccountNo> findAffectedAccounts(
      @Param("id") long id, @Param("offset") int offset, @Param("limit") int limit);

  /** Insert parameters; MyBatis writes the generated key into {@link #id}. */
  final class NewOutage {
    Long id;
    final OutageKind kind;
    final OutageState state;
    final String reason;
    final Instant startsAt;
    final Instant expectedEnd;
    final String autoArea;
    final String createdBy;
    final Instant at;

    NewOutage(
        OutageKind kind,
        OutageState state,
        String reason,
        Instant startsAt,
        Instant expectedEnd,
        String autoArea,
        String createdBy,
        Instant at) {
      this.kind = kind;
      this.state = state;
      this.reason = reason;
      this.startsAt = startsAt;
      this.expectedEnd = expectedEnd;
      this.autoArea = autoArea;
      this.createdBy = createdBy;
      this.at = at;
    }
  }
}
