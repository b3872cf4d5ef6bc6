package io.gridbot.service.appointment;

import io.gridbot.service.ServiceException;
import java.time.LocalDate;
import java.time.LocalTime;

/** The service point already has a slot starting at that date and time. */
public class SlotAlreadyOpen extends ServiceException {

  public SlotAlreadyOpen(String servicePoint, LocalDate date, LocalTime start) {
    super("service point " + servicePoint + " already has a slot on " + date + " at " + start);
  }

  @Override
  public String code() {
    return "appointment.slot-already-open";
  }
}
