package io.gridbot.service.repair;

import io.gridbot.service.ServiceException;

/** There is no ticket with this number (or none the asking customer reported). */
public class TicketNotFound extends ServiceException {

  private final TicketNo ticketNo;

  public TicketNotFound(TicketNo ticketNo) {
    super("ticket " + ticketNo + " does not exist");
    this.ticketNo = ticketNo;
  }

  public TicketNo ticketNo() {
    return ticketNo;
  }

  @Override
  public String code() {
    return "repair.ticket-not-found";
  }
}
