package io.gridbot.service.appointment;

import io.gridbot.service.ServiceException;

/** The slot has no free place left; nothing was booked or moved. */
public class SlotFull extends ServiceException {

  private final long slotId;

  public SlotFull(long slotId) {
    super("slot " + slotId + " is full");
    this.slotId = slotId;
  }

  public long slotId() {
    return slotId;
  }

  @Override
  public String code() {
    return "appointment.slot-full";
  }
}
