package io.gridbot.service.repair;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.outage.AreaCode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A repair ticket.
 *
 * @param accountNo the account without power, or null
 * @param location where, or null
 * @param address where, as the customer wrote it, or null
 * @param area the area code, from the account or as reported
 * @param photos media references in the order the customer sent them; may be empty
 * @param expectedRestoration when the power is expected back, as staff last set it, or null
 * @param outageId the outage the ticket belongs to, or null
 */
public record Ticket(
    TicketNo ticketNo,
    ChannelUser reporter,
    AccountNo accountNo,
    GeoPoint location,
    String address,
    AreaCode area,
    String description,
    List<String> photos,
    ContactPhone contactPhone,
    TicketState state,
    Instant expectedRestoration,
    Long outageId,
    Instant reportedAt) {

  public Ticket {
    Objects.requireNonNull(ticketNo, "ticketNo");
    Objects.requireNonNull(reporter, "reporter");
    Objects.requireNonNull(area, "area");
    Objects.requireNonNull(description, "description");
    photos = List.copyOf(photos);
    Objects.requireNonNull(contactPhone, "contactPhone");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(reportedAt, "reportedAt");
  }
}
