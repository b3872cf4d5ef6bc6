package io.gridbot.service.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/** Rows of the staff console's lists: enough to pick one and open it by its number. */
public final class Listings {

  private Listings() {}

  /** A booking: its number, state, service type and slot. */
  public record ListedBooking(
      String no, String state, String serviceType, LocalDate date, LocalTime start) {}

  /** An application: its number, state, type, supply address and when it came in. */
  public record ListedApplication(
      String no, String state, String type, String address, Instant submittedAt) {}
}
