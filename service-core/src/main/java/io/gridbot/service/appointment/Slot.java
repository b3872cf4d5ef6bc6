package io.gridbot.service.appointment;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

/**
 * A time window of one service point on one day that takes up to {@code capacity} bookings. Date
 * and times are the point's local wall time (Asia/Shanghai).
 *
 * @param booked bookings holding the slot, 0 to {@code capacity}
 * @throws IllegalArgumentException if the window is empty or the counts are out of range
 */
public record Slot(
    long id,
    String servicePointCode,
    String servicePointName,
    String servicePointAddress,
    ServiceLocation location,
    LocalDate date,
    LocalTime start,
    LocalTime end,
    int capacity,
    int booked) {

  public Slot {
    Objects.requireNonNull(servicePointCode, "servicePointCode");
    Objects.requireNonNull(servicePointName, "servicePointName");
    Objects.requireNonNull(servicePointAddress, "servicePointAddress");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("slot must end after it starts: " + start + "-" + end);
    }
    if (capacity < 1 || booked < 0 || booked > capacity) {
      throw new IllegalArgumentException(
          "need 0 <= booked <= capacity and capacity >= 1, got " + booked + "/" + capacity);
    }
  }

  /** How many more bookings the slot takes. */
  public int free() {
    return capacity - booked;
  }
}
