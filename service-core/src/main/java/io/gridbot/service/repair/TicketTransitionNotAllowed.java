package io.gridbot.service.repair;

import io.gridbot.service.ServiceException;

/** The ticket's state machine ({@link TicketState}) has no edge from its state to the target. */
public class TicketTransitionNotAllowed extends ServiceException {

  private final TicketNo ticketNo;
  private final TicketState from;
  private final TicketState to;

  public TicketTransitionNotAllowed(TicketNo ticketNo, TicketState from, TicketState to) {
    super("ticket " + ticketNo + " cannot move from " + from + " to " + to);
    this.ticketNo = ticketNo;
    this.from = from;
    this.to = to;
  }

  public TicketNo ticketNo() {
    return ticketNo;
  }

  public TicketState from() {
    return from;
  }

  public TicketState to() {
    return to;
  }

  @Override
  public String code() {
    return "repair.transition-not-allowed";
  }
}
