package io.gridbot.service.repair;

import java.time.Instant;
import java.util.Objects;

/**
 * One step in a ticket's history: a transition, or (with {@code from == to}) a change of the
 * expected restoration time.
 *
 * @param from the state before; null for the report itself
 * @param actor a staff id, {@code customer} or {@code system}
 * @param note what staff or the customer wrote, or null
 */
public record TicketEvent(TicketState from, TicketState to, String actor, String note, Instant at) {

  public TicketEvent {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(at, "at");
  }
}
