package io.gridbot.service.repair;

import io.gridbot.service.outage.Outage;
import java.time.Instant;

/** What became of a fault report, for the dialog to tell the customer. */
public sealed interface FaultReportResult {

  /** A new ticket; the reporter is told its number. */
  record TicketOpened(Ticket ticket) implements FaultReportResult {}

  /**
   * The area already has an outage covering it: the report was recorded against the outage instead
   * of becoming a ticket.
   *
   * @param reportId the id of the recorded report
   */
  record LinkedToOutage(long reportId, Outage outage) implements FaultReportResult {

    /** When the power is expected back, or null if there is no estimate yet. */
    public Instant expectedRestoration() {
      return outage.expectedEnd();
    }
  }

  /**
   * The report opened a ticket that, with the area's other recent reports, made an outage: the
   * outage was opened and the clustered tickets (this one included) belong to it.
   */
  record OutageDetected(Ticket ticket, Outage outage) implements FaultReportResult {}
}
