package io.gridbot.service.repair;

import io.gridbot.service.account.AccountNotFound;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.outage.AreaCode;
import io.gridbot.service.outage.StaffId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Fault reports and repair tickets. Every transition (see {@link TicketState}) is kept as a {@link
 * TicketEvent} and tells the reporter through the {@code NotificationPublisher} ({@code toUser},
 * kind {@code progress}, key {@code ticket:<no>:<STATE>}; estimate changes {@code
 * ticket:<no>:eta:<n>}; joining an outage {@code ticket:<no>:outage:<id>}). When an outage is
 * restored ({@code OutageRestored}), its open tickets are resolved in the restoring transaction,
 * from whatever open state, by the restoring staff member with the note {@code 停电已恢复（停电编号 <id>）},
 * and each reporter is told as for {@link #resolve}.
 */
public interface RepairService {

  /**
   * Takes a fault report. If an outage covers the report's area now, the report is recorded against
   * it ({@link FaultReportResult.LinkedToOutage}). Otherwise a ticket is opened; if it brings the
   * area's open, unlinked tickets of the cluster window up to the cluster size, an unplanned outage
   * is opened for the area and those tickets join it ({@link FaultReportResult.OutageDetected}),
   * else {@link FaultReportResult.TicketOpened}. Reports of one area are serialised, so concurrent
   * reports open at most one outage.
   *
   * @throws AccountNotFound if the report names an account that does not exist or is closed
   * @throws FaultAreaUnknown if it names neither an account nor an area
   */
  FaultReportResult reportFault(FaultReport report);

  /**
   * Sends a crew.
   *
   * @param expectedRestoration when the power should be back, or null if unknown (an earlier
   *     estimate is kept)
   * @param note for the history, or null
   * @throws TicketNotFound if there is no such ticket
   * @throws TicketTransitionNotAllowed if it is not {@link TicketState#RECEIVED}
   */
  Ticket dispatch(TicketNo no, StaffId by, Instant expectedRestoration, String note);

  /**
   * The crew arrived.
   *
   * @throws TicketNotFound if there is no such ticket
   * @throws TicketTransitionNotAllowed if it is not {@link TicketState#DISPATCHED}
   */
  Ticket arriveOnSite(TicketNo no, StaffId by, String note);

  /**
   * The fault is fixed.
   *
   * @throws TicketNotFound if there is no such ticket
   * @throws TicketTransitionNotAllowed if it is not {@link TicketState#ON_SITE}
   */
  Ticket resolve(TicketNo no, StaffId by, String note);

  /**
   * Staff withdraw the ticket (a duplicate, a fault on the customer's side).
   *
   * @throws TicketNotFound if there is no such ticket
   * @throws TicketTransitionNotAllowed if it is neither received nor dispatched
   */
  Ticket cancel(TicketNo no, StaffId by, String note);

  /**
   * The reporter withdraws their ticket (the power came back).
   *
   * @throws TicketNotFound if there is no such ticket or {@code reporter} did not report it
   * @throws TicketTransitionNotAllowed if it is neither received nor dispatched
   */
  Ticket cancelByReporter(TicketNo no, ChannelUser reporter, String note);

  /**
   * Sets or changes when the power is expected back and tells the reporter.
   *
   * @param expectedRestoration must be in the future
   * @throws TicketNotFound if there is no such ticket
   * @throws TicketTransitionNotAllowed if the ticket is closed (named as from and to)
   * @throws IllegalArgumentException if the time is not in the future
   */
  Ticket updateExpectedRestoration(TicketNo no, Instant expectedRestoration, StaffId by);

  /** The ticket with this number. */
  Optional<Ticket> find(TicketNo no);

  /**
   * The reporter's tickets, latest first.
   *
   * @param limit 1 to 100
   * @throws IllegalArgumentException if limit is out of range
   */
  List<Ticket> reportedBy(ChannelUser reporter, int limit);

  /**
   * Open tickets whose area code starts with {@code area}, oldest first.
   *
   * @param limit 1 to 1000
   * @throws IllegalArgumentException if limit is out of range
   */
  List<Ticket> openInArea(AreaCode area, int limit);

  /**
   * The ticket's history, oldest first.
   *
   * @throws TicketNotFound if there is no such ticket
   */
  List<TicketEvent> history(TicketNo no);
}
