package io.gridbot.service.appointment;

import io.gridbot.service.ServiceException;

/** There is no such slot (or its service point is closed). */
public class SlotNotFound extends ServiceException {

  private final String slot;

  public SlotNotFound(long slotId) {
    this("slot " + slotId, Long.toString(slotId));
  }

  /** No slot of the service point starts at that time. */
  public SlotNotFound(String servicePoint, java.time.LocalDate date, java.time.LocalTime start) {
    this(
        "slot of " + servicePoint + " on " + date + " at " + start,
        servicePoint + "@" + date + "T" + start);
  }

  private SlotNotFound(String what, String slot) {
    super(what + " does not exist");
    this.slot = slot;
  }

  /** The slot's id, or point@dateTtime when it was named by point and time. */
  public String slot() {
    return slot;
  }

  @Override
  public String code() {
    return "appointment.slot-not-found";
  }
}
