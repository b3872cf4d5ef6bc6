package io.gridbot.service.complaint;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.ChannelUser;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface ComplaintMapper {

  /** Counts the day's complaints up by one, locking the day's row until commit. */
  void incrementSequence(@Param("day") LocalDate day);

  int currentSequence(@Param("day") LocalDate day);

  /** A new complaint row; its generated id is written back into {@code row.id}. */
  void insert(NewRow row);

  Optional<ComplaintRow> findByNo(@Param("no") String no);

  Optional<ComplaintRow> findByRequest(@Param("requestId") String requestId);

  /** The row, locked until commit. */
  Optional<ComplaintRow> lock(@Param("no") String no);

  List<ComplaintRow> findByReporter(
      @Param("reporter") ChannelUser reporter, @Param("limit") int limit);

  List<ComplaintRow> findInState(
      @Param("state") ComplaintState state, @Param("offset") int offset, @Param("limit") int limit);

  void moveTo(@Param("id") long id, @Param("to") ComplaintState to, @Param("at") Instant at);

  void insertEvent(
      @Param("complaintId") long complaintId,
      @Param("from") ComplaintState from,
      @Param("to") ComplaintState to,
      @Param("actor") String actor,
      @Param("note") String note,
      @Param("at") Instant at);

  List<ComplaintEvent> findEvents(@Param("complaintId") long complaintId);

  /** The columns of a new complaint. */
  final class NewRow {
    Long id;
    final String complaintNo;
    final String requestId;
    final ChannelUser reporter;
    final AccountNo accountNo;
    final ComplaintCategory category;
    final String content;
    final String contactPhone;
    final ComplaintState state;
    final Instant at;

    NewRow(ComplaintNo no, NewComplaint complaint, Instant at) {
      this.complaintNo = no.value();
      this.requestId = complaint.requestId();
      this.reporter = complaint.reporter();
      this.accountNo = complaint.accountNo();
      this.category = complaint.category();
      this.content = complaint.content();
      this.contactPhone = complaint.contactPhone().value();
      this.state = ComplaintState.RECEIVED;
      this.at = at;
    }
  }
}
