package io.gridbot.service.appointment;

import io.gridbot.service.ServiceException;

/** The booking's state does not allow the change; see {@link BookingState}. Nothing changed. */
public class IllegalBookingTransition extends ServiceException {

  private final BookingNo no;
  private final BookingState from;
  private final BookingState to;

  public IllegalBookingTransition(BookingNo no, BookingState from, BookingState to) {
    super("booking " + no + " cannot go from " + from + " to " + to);
    this.no = no;
    this.from = from;
    this.to = to;
  }

  /** The booking cannot be moved or reassigned while it is in {@code state}. */
  public IllegalBookingTransition(BookingNo no, BookingState state, String action) {
    super("booking " + no + " cannot be " + action + " while " + state);
    this.no = no;
    this.from = state;
    this.to = state;
  }

  public BookingNo no() {
    return no;
  }

  public BookingState from() {
    return from;
  }

  /** The state it was to reach; equal to {@link #from()} for a refused reassignment. */
  public BookingState to() {
    return to;
  }

  @Override
  public String code() {
    return "appointment.illegal-transition";
  }
}
