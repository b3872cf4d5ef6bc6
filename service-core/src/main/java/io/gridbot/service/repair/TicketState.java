package io.gridbot.service.repair;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a repair ticket is in its life.
 *
 * <pre>
 *   RECEIVED --dispatch--> DISPATCHED --arrive--> ON_SITE --resolve--> RESOLVED
 *      |                      |
 *      +-------cancel---------+-----> CANCELLED
 * </pre>
 *
 * <ul>
 *   <li>{@link #RECEIVED}: the customer reported the fault; nobody is assigned yet.
 *   <li>{@link #DISPATCHED}: a crew was sent.
 *   <li>{@link #ON_SITE}: the crew arrived and works on it; it can no longer be cancelled.
 *   <li>{@link #RESOLVED}: fixed (terminal).
 *   <li>{@link #CANCELLED}: withdrawn by the reporter or by staff before the crew arrived
 *       (terminal).
 * </ul>
 *
 * Every other move, staying in the same state included, is refused with {@link
 * TicketTransitionNotAllowed}, except that restoring the outage a ticket belongs to resolves it
 * from any open state. The expected restoration time may change in any open state.
 */
public enum TicketState {
  RECEIVED,
  DISPATCHED,
  ON_SITE,
  RESOLVED,
  CANCELLED;

  /** Whether the machine above has an edge from this state to {@code target}. */
  public boolean canMoveTo(TicketState target) {
    return next().contains(target);
  }

  /** Whether the ticket still needs work: received, dispatched or on site. */
  public boolean isOpen() {
    return this == RECEIVED || this == DISPATCHED || this == ON_SITE;
  }

  private Set<TicketState> next() {
    return switch (this) {
      case RECEIVED -> EnumSet.of(DISPATCHED, CANCELLED);
      case DISPATCHED -> EnumSet.of(ON_SITE, CANCELLED);
      case ON_SITE -> EnumSet.of(RESOLVED);
      case RESOLVED, CANCELLED -> EnumSet.noneOf(TicketState.class);
    };
  }
}
