package io.gridbot.service.appointment;

import io.gridbot.service.ServiceException;

/**
 * The slot exists but cannot take this booking: it has started already, its service point does not
 * serve the service type's location, or the booking is already in it.
 */
public class SlotNotBookable extends ServiceException {

  private final long slotId;

  public SlotNotBookable(long slotId, String reason) {
    super("slot " + slotId + " cannot be booked: " + reason);
    this.slotId = slotId;
  }

  public long slotId() {
    return slotId;
  }

  @Override
  public String code() {
    return "appointment.slot-not-bookable";
  }
}
