package io.gridbot.service.appointment;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** What can be booked where and when: the service type catalogue, service points and slots. */
public interface SlotService {

  /** The service types customers can book, on-site ones first. */
  List<ServiceType> serviceTypes();

  /**
   * The active service points serving the area, the most local (longest prefix) first.
   *
   * @param areaCode an account's area code, e.g. {@code CN-330106-017}
   */
  List<ServicePoint> servicePoints(String areaCode);

  /**
   * Opens a slot (staff).
   *
   * @param date the local date
   * @param start the local start time; a point has at most one slot starting at a date and time
   * @param end after {@code start}
   * @param capacity how many bookings it takes, at least 1
   * @throws ServicePointNotFound if the point does not exist or is closed
   * @throws SlotAlreadyOpen if the point has a slot starting then already
   * @throws IllegalArgumentException if the times or the capacity are out of range
   */
  Slot openSlot(
      String servicePointCode, LocalDate date, LocalTime start, LocalTime end, int capacity);

  /**
   * Slots with room for the service type in the area, from {@code fromDate} for {@code days} days,
   * earliest first and, at the same time, the most local point first. Slots that have started
   * already are left out.
   *
   * @param areaCode an account's area code; points whose prefix it starts with serve it
   * @param days 1 to {@link AppointmentProperties#maxDaysAhead()}
   * @throws ServiceTypeNotFound if the type does not exist or is not offered
   * @throws IllegalArgumentException if {@code days} is out of range
   */
  List<Slot> freeSlots(String serviceType, String areaCode, LocalDate fromDate, int days);
}
