package io.gridbot.service.appointment;

import static io.gridbot.service.TestData.newWechatUser;
import static io.gridbot.service.appointment.AppointmentTestData.newArea;
import static io.gridbot.service.appointment.AppointmentTestData.point;
import static io.gridbot.service.appointment.AppointmentTestData.slot;
import static io.gridbot.service.appointment.AppointmentTestData.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.application.Application;
import io.gridbot.service.application.ApplicationRequest;
import io.gridbot.service.application.ApplicationService;
import io.gridbot.service.application.ApplicationState;
import io.gridbot.service.application.ApplicationType;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** The appointment and application SQL on H2 in MySQL mode, as the embedded profile runs it. */
@SpringBootTest
@ActiveProfiles("h2")
@Import(RecordingNotifications.class)
class AppointmentsOnH2IT {

  @Autowired BookingService bookingService;
  @Autowired SlotService slotService;
  @Autowired ApplicationService applicationService;
  @Autowired JdbcTemplate jdbc;

  @Test
  void books_moves_reminds_and_cancels() {
    // given
    String area = newArea();
    String hall = point(jdbc, ServiceLocation.HALL, area);
    long nine = slot(jdbc, hall, today().plusDays(1), LocalTime.of(9, 0), 1);
    long ten = slot(jdbc, hall, today().plusDays(1), LocalTime.of(10, 0), 1);
    ChannelUser user = newWechatUser();

    // when
    Booking booking =
        bookingService.book(
            new BookingRequest(user, null, "HALL_VISIT", nine, null, "13800001234", null));

    // then
    assertThat(slotService.freeSlots("HALL_VISIT", area + "-001", today(), 3))
        .extracting(Slot::id)
        .containsExactly(ten);
    assertThat(slotService.servicePoints(area + "-001"))
        .extracting(ServicePoint::code)
        .containsExactly(hall);
    assertThatThrownBy(
            () ->
                bookingService.book(
                    new BookingRequest(
                        newWechatUser(), null, "HALL_VISIT", nine, null, "13800001234", null)))
        .isInstanceOf(SlotFull.class);
    assertThat(bookingService.reschedule(booking.no(), user, ten).slot().id()).isEqualTo(ten);
    assertThat(bookingService.remindersDue(today().plusDays(1)))
        .extracting(Booking::no)
        .contains(booking.no());
    assertThat(bookingService.markReminded(booking.no())).isTrue();
    assertThat(bookingService.markReminded(booking.no())).isFalse();
    assertThat(bookingService.cancel(booking.no(), user).state()).isEqualTo(BookingState.CANCELLED);
    assertThat(bookingService.bookingsOf(user)).hasSize(1);
  }

  @Test
  void submits_and_steps_an_application() {
    ChannelUser user = newWechatUser();
    Application application =
        applicationService.submit(
            new ApplicationRequest(
                ApplicationType.RENAME,
                user,
                "王建国",
                "1234",
                "13800000003",
                "翠苑一区12幢3单元201",
                new AccountNo("3300000003"),
                null,
                java.util.List.of("m1")));

    assertThat(applicationService.accept(application.no()).state())
        .isEqualTo(ApplicationState.ACCEPTED);
    assertThat(applicationService.approve(application.no()).documents()).containsExactly("m1");
    assertThat(applicationService.applicationsOf(user)).hasSize(1);
    assertThat(applicationService.history(application.no())).hasSize(3);
  }
}
