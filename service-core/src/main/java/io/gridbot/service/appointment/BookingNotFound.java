package io.gridbot.service.appointment;

import io.gridbot.service.ServiceException;

/**
 * There is no booking with this number, or it belongs to another customer (the two are not told
 * apart, so that numbers cannot be probed).
 */
public class BookingNotFound extends ServiceException {

  private final BookingNo no;

  public BookingNotFound(BookingNo no) {
    super("booking " + no + " does not exist or is not the requester's");
    this.no = no;
  }

  public BookingNo no() {
    return no;
  }

  @Override
  public String code() {
    return "appointment.booking-not-found";
  }
}
