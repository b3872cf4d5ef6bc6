package io.gridbot.service.repair;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.ChannelUser;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface TicketMapper {

  /** Creates the area's lock row if it is missing, taking an exclusive lock on it either way. */
  void upsertAreaLock(@Param("area") String area);

  /** Locks the area's row until commit. */
  Optional<String> lockArea(@Param("area") String area);

  /** Counts the day's tickets up by one, locking the day's row until commit. */
  void incrementSequence(@Param("day") LocalDate day);

  int currentSequence(@Param("day") LocalDate day);

  /** A new ticket row; its generated id is written back into {@code row.id}. */
  void insert(NewTicket row);

  void insertPhoto(
      @Param("ticketId") long ticketId,
      @Param("ordinal") int ordinal,
      @Param("mediaRef") String mediaRef);

  void insertEvent(
      @Param("ticketId") long ticketId,
      @Param("from") TicketState from,
      @Param("to") TicketState to,
      @Param("actor") String actor,
      @Param("note") String note,
      @Param("at") Instant at);

  Optional<TicketRow> find(@Param("ticketNo") String ticketNo);

  /** The ticket row, locked until commit. */
  Optional<TicketRow> lock(@Param("ticketNo") String ticketNo);

  Optional<TicketRow> findById(@Param("id") long id);

  /** Media references of the ticket, in order. */
  List<String> findPhotos(@Param("ticketId") long ticketId);

  /** Latest first. */
  List<TicketRow> findByReporter(@Param("user") ChannelUser user, @Param("limit") int limit);

  /** Open tickets whose area code starts with the prefix, oldest first. */
  List<TicketRow> findOpenInArea(@Param("prefix") String prefix, @Param("limit") int limit);

  /** Open tickets of exactly this area, reported since {@code since}, not part of an outage. */
  List<TicketRow> findClusterCandidates(@Param("area") String area, @Param("since") Instant since);

  /** Makes the tickets part of the outage unless they already belong to one; returns the rows. */
  int linkToOutage(@Param("ids") List<Long> ids, @Param("outageId") long outageId);

  /** Open tickets that belong to the outage, locked until commit, in id order. */
  List<TicketRow> lockOpenOfOutage(@Param("outageId") long outageId);

  /** The customers whose fault reports were recorded against the outage, each once. */
  List<io.gridbot.service.account.ChannelUser> findOutageReporters(
      @Param("outageId") long outageId);

  List<TicketEvent> findEvents(@Param("ticketId") long ticketId);

  int moveTo(
      @Param("id") long id,
      @Param("from") TicketState from,
      @Param("to") TicketState to,
      @Param("at") Instant at);

  int updateExpectedRestoration(
      @Param("id") long id,
      @Param("expectedRestoration") Instant expectedRestoration,
      @Param("at") Instant at);

  /** A report recorded against an outage; its generated id is written back into {@code row.id}. */
  void insertOutageReport(NewOutageReport row);

  void insertOutageReportPhoto(
      @Param("reportId") long reportId,
      @Param("ordinal") int ordinal,
      @Param("mediaRef") String mediaRef);

  /** Insert parameters of a ticket; MyBatis writes the generated key into {@link #id}. */
  final class NewTicket {
    Long id;
    final String ticketNo;
    final ChannelUser reporter;
    final AccountNo accountNo;
    final BigDecimal latitude;
    final BigDecimal longitude;
    final String address;
    final String areaCode;
    final String description;
    final String contactPhone;
    final TicketState state;
    final Instant at;

    NewTicket(TicketNo ticketNo, FaultReport report, String areaCode, Instant at) {
      this.ticketNo = ticketNo.value();
      this.reporter = report.reporter();
      this.accountNo = report.accountNo();
      this.latitude = report.location() == null ? null : report.location().latitude();
      this.longitude = report.location() == null ? null : report.location().longitude();
      this.address = report.address();
      this.areaCode = areaCode;
      this.description = report.description();
      this.contactPhone = report.contactPhone().value();
      this.state = TicketState.RECEIVED;
      this.at = at;
    }
  }

  /** Insert parameters of a report against an outage; the generated key goes into {@link #id}. */
  final class NewOutageReport {
    Long id;
    final long outageId;
    final ChannelUser reporter;
    final AccountNo accountNo;
    final BigDecimal latitude;
    final BigDecimal longitude;
    final String address;
    final String areaCode;
    final String description;
    final String contactPhone;
    final Instant at;

    NewOutageReport(long outageId, FaultReport report, String areaCode, Instant at) {
      this.outageId = outageId;
      this.reporter = report.reporter();
      this.accountNo = report.accountNo();
      this.latitude = report.location() == null ? null : report.location().latitude();
      this.longitude = report.location() == null ? null : report.location().longitude();
      this.address = report.address();
      this.areaCode = areaCode;
      this.description = report.description();
      this.contactPhone = report.contactPhone().value();
      this.at = at;
    }
  }
}
