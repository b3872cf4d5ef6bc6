package io.gridbot.service.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class AppointmentExceptionsTest {

  private static final BookingNo NO = new BookingNo("B2026112700000001");

  @Test
  void codes_are_stable() {
    assertThat(new ServiceTypeNotFound("X").code()).isEqualTo("appointment.service-type-not-found");
    assertThat(new ServicePointNotFound("X").code())
        .isEqualTo("appointment.service-point-not-found");
    assertThat(new SlotNotFound(1).code()).isEqualTo("appointment.slot-not-found");
    assertThat(new SlotFull(1).code()).isEqualTo("appointment.slot-full");
    assertThat(new SlotNotBookable(1, "x").code()).isEqualTo("appointment.slot-not-bookable");
    assertThat(new SlotAlreadyOpen("P", LocalDate.MIN, LocalTime.NOON).code())
        .isEqualTo("appointment.slot-already-open");
    assertThat(new AddressRequired("X").code()).isEqualTo("appointment.address-required");
    assertThat(new BookingNotFound(NO).code()).isEqualTo("appointment.booking-not-found");
    assertThat(new IllegalBookingTransition(NO, BookingState.DONE, BookingState.CANCELLED).code())
        .isEqualTo("appointment.illegal-transition");
  }

  @Test
  void illegal_transitions_name_both_states() {
    IllegalBookingTransition e =
        new IllegalBookingTransition(NO, BookingState.DONE, BookingState.CANCELLED);

    assertThat(e).hasMessageContaining("DONE to CANCELLED").hasMessageContaining(NO.value());
    assertThat(new IllegalBookingTransition(NO, BookingState.DONE, "reassigned"))
        .hasMessageContaining("cannot be reassigned while DONE");
  }
}
