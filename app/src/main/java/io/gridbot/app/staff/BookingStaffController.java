package io.gridbot.app.staff;

import io.gridbot.service.appointment.Booking;
import io.gridbot.service.appointment.BookingNo;
import io.gridbot.service.appointment.BookingNotFound;
import io.gridbot.service.appointment.BookingService;
import io.gridbot.service.appointment.Slot;
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

  private final BookingService bookings;
  private final SlotService slots;

  BookingStaffController(BookingService bookings, SlotService slots) {
    this.bookings = bookings;
    this.slots = slots;
  }

  record NewSlot(
      String servicePoint, LocalDate date, LocalTime start, LocalTime end, int capacity) {}

  record Reassignment(String servicePoint) {}

  @PostMapping("/slots")
  @ResponseStatus(HttpStatus.CREATED)
  Slot openSlot(@RequestBody NewSlot slot) {
    return slots.openSlot(
        slot.servicePoint(), slot.date(), slot.start(), slot.end(), slot.capacity());
  }

  @GetMapping("/bookings/{no}")
  Booking booking(@PathVariable String no) {
    BookingNo bookingNo = new BookingNo(no);
    return bookings.find(bookingNo).orElseThrow(() -> new BookingNotFound(bookingNo));
  }

  @PostMapping("/bookings/{no}/confirm")
  Booking confirm(@PathVariable String no) {
    return bookings.confirm(new BookingNo(no));
  }

  @PostMapping("/bookings/{no}/reassign")
  Booking reassign(@PathVariable String no, @RequestBody Reassignment to) {
    return bookings.reassign(new BookingNo(no), to.servicePoint());
  }

  @PostMapping("/bookings/{no}/done")
  Booking done(@PathVariable String no) {
    return bookings.markDone(new BookingNo(no));
  }

  @PostMapping("/bookings/{no}/no-show")
  Booking noShow(@PathVariable String no) {
    return bookings.markNoShow(new BookingNo(no));
  }
}
