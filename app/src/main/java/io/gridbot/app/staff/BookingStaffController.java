package io.gridbot.app.staff;

import io.gridbot.service.appointment.Booking;
import io.gridbot.service.appointment.BookingNo;
import io.gridbot.service.appointment.BookingNotFound;
import io.gridbot.service.appointment.BookingService;
import io.gridbot.service.appointment.Slot;
import io.gridbot.service.appointment.SlotNotBookable;
import io.gridbot.service.appointment.SlotService;
import java.time.LocalDate;
import java.time.LocalTime;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Staff work on appointments: open slots, confirm, reassign, mark done or no-show. */
@RestController
@RequestMapping("/api/staff")
class BookingStaffController {

  /** As service-core's slots allow. */
  static final int MAX_CAPACITY = 1000;

  /** As the service points' codes are kept. */
  static final int MAX_SERVICE_POINT = 32;

  private final BookingService bookings;
  private final SlotService slots;

  BookingStaffController(BookingService bookings, SlotService slots) {
    this.bookings = bookings;
    this.slots = slots;
  }

  /**
   * @param capacity how many bookings the slot takes, 1 to 1000
   */
  record NewSlot(
      String servicePoint, LocalDate date, LocalTime start, LocalTime end, Integer capacity) {}

  record Reassignment(String servicePoint) {}

  @PostMapping("/slots")
  @ResponseStatus(HttpStatus.CREATED)
  Slot openSlot(@RequestBody NewSlot slot) {
    String servicePoint = Fields.text("servicePoint", slot.servicePoint(), MAX_SERVICE_POINT);
    LocalDate date = Fields.required("date", slot.date());
    LocalTime start = Fields.required("start", slot.start());
    LocalTime end = Fields.required("end", slot.end());
    if (!end.isAfter(start)) {
      throw new InvalidField("end", "must be after start");
    }
    int capacity = Fields.required("capacity", slot.capacity());
    if (capacity < 1 || capacity > MAX_CAPACITY) {
      throw new InvalidField("capacity", "must be 1 to " + MAX_CAPACITY);
    }
    return slots.openSlot(servicePoint, date, start, end, capacity);
  }

  @GetMapping("/bookings/{no}")
  Booking booking(@PathVariable String no) {
    BookingNo bookingNo = Fields.bookingNo(no, "no");
    return bookings.find(bookingNo).orElseThrow(() -> new BookingNotFound(bookingNo));
  }

  @PostMapping("/bookings/{no}/confirm")
  Booking confirm(@PathVariable String no) {
    return bookings.confirm(Fields.bookingNo(no, "no"));
  }

  @PostMapping("/bookings/{no}/reassign")
  Booking reassign(@PathVariable String no, @RequestBody Reassignment to) {
    BookingNo bookingNo = Fields.bookingNo(no, "no");
    String servicePoint = Fields.text("servicePoint", to.servicePoint(), MAX_SERVICE_POINT);
    try {
      return bookings.reassign(bookingNo, servicePoint);
    } catch (SlotNotBookable e) {
      throw new InvalidField("servicePoint", e);
    }
  }

  @PostMapping("/bookings/{no}/done")
  Booking done(@PathVariable String no) {
    return bookings.markDone(Fields.bookingNo(no, "no"));
  }

  @PostMapping("/bookings/{no}/no-show")
  Booking noShow(@PathVariable String no) {
    return bookings.markNoShow(Fields.bookingNo(no, "no"));
  }
}
