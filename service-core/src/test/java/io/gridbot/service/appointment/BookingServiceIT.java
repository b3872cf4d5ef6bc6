package io.gridbot.service.appointment;

import static io.gridbot.service.TestData.anAccount;
import static io.gridbot.service.TestData.newAccountNo;
import static io.gridbot.service.TestData.newWechatUser;
import static io.gridbot.service.appointment.AppointmentTestData.booked;
import static io.gridbot.service.appointment.AppointmentTestData.newArea;
import static io.gridbot.service.appointment.AppointmentTestData.point;
import static io.gridbot.service.appointment.AppointmentTestData.slot;
import static io.gridbot.service.appointment.AppointmentTestData.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.AccountNotFound;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.appointment.RecordingNotifications.Recorder;
import io.gridbot.service.notification.Notice;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** Not transactional: every call commits, as in the application. Data is unique per test. */
@SpringBootTest
@ActiveProfiles("it")
@Import(RecordingNotifications.class)
class BookingServiceIT {

  private static final LocalTime NINE = LocalTime.of(9, 0);
  private static final LocalTime TEN = LocalTime.of(10, 0);

  @Autowired BookingService bookingService;
  @Autowired SlotService slotService;
  @Autowired Recorder notifications;
  @Autowired JdbcTemplate jdbc;
  @Autowired io.gridbot.service.points.PointsService points;
  @Autowired io.gridbot.service.points.PointsSettings pointsSettings;

  private final ExecutorService pool = Executors.newFixedThreadPool(10);

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  private BookingRequest hallVisit(ChannelUser user, long slotId) {
    return new BookingRequest(user, null, "HALL_VISIT", slotId, null, "13800001234", "带身份证");
  }

  @Test
  void ten_customers_race_for_the_last_place_and_exactly_one_gets_it() throws Exception {
    // given
    String point = point(jdbc, ServiceLocation.HALL, newArea());
    long slotId = slot(jdbc, point, today().plusDays(2), NINE, 1);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Booking>> attempts = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ChannelUser user = newWechatUser();
      attempts.add(
          pool.submit(
              () -> {
                start.await();
                return bookingService.book(hallVisit(user, slotId));
              }));
    }

    // when
    start.countDown();
    int won = 0;
    int full = 0;
    for (Future<Booking> attempt : attempts) {
      try {
        attempt.get(30, TimeUnit.SECONDS);
        won++;
      } catch (ExecutionException e) {
        assertThat(e.getCause()).isInstanceOf(SlotFull.class);
        full++;
      }
    }

    // then
    assertThat(won).isEqualTo(1);
    assertThat(full).isEqualTo(9);
    assertThat(booked(jdbc, slotId)).isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM booking WHERE slot_id = ?", Integer.class, slotId))
        .isEqualTo(1);
  }

  @Test
  void a_booking_for_an_account_earns_its_online_service_points_once() {
    // given
    String point = point(jdbc, ServiceLocation.HALL, newArea());
    long slotId = slot(jdbc, point, today().plusDays(3), NINE, 3);
    AccountNo account = anAccount().insert(jdbc).accountNo();

    // when
    Booking first =
        bookingService.book(
            new BookingRequest(
                newWechatUser(), account, "HALL_VISIT", slotId, null, "13800001234", null));
    bookingService.book(hallVisit(newWechatUser(), slotId));

    // then one booking, one credit; the booking without an account earned nothing and failed
    // nothing
    assertThat(points.balance(account)).isEqualTo(pointsSettings.onlineServicePoints());
    assertThat(points.history(account, 0, 10).entries())
        .singleElement()
        .satisfies(e -> assertThat(e.reference()).isEqualTo("booking:" + first.no()));
  }

  @Test
  void booking_takes_a_place_and_tells_the_customer() {
    // given
    String point = point(jdbc, ServiceLocation.HALL, newArea());
    LocalDate day = today().plusDays(3);
    long slotId = slot(jdbc, point, day, NINE, 2);
    ChannelUser user = newWechatUser();
    AccountNo account = anAccount().insert(jdbc).accountNo();

    // when
    Booking booking =
        bookingService.book(
            new BookingRequest(user, account, "HALL_VISIT", slotId, " ", "0571-87654321", null));

    // then
    assertThat(booking.state()).isEqualTo(BookingState.BOOKED);
    assertThat(booking.customer()).isEqualTo(user);
    assertThat(booking.account()).isEqualTo(account);
    assertThat(booking.address()).isNull();
    assertThat(booking.slot().id()).isEqualTo(slotId);
    assertThat(booking.slot().date()).isEqualTo(day);
    assertThat(booking.slot().booked()).isEqualTo(1);
    assertThat(booked(jdbc, slotId)).isEqualTo(1);
    assertThat(bookingService.find(booking.no())).contains(booking);
    assertThat(bookingService.bookingsOf(user)).containsExactly(booking);
    Notice notice = notifications.to(user).get(0);
    assertThat(notice.kind()).isEqualTo("progress");
    assertThat(notice.key()).isEqualTo("booking:" + booking.no() + ":BOOKED");
    assertThat(notice.text()).contains("营业厅办理", booking.no().value(), "09:00-10:00", "您好");
    assertThat(notice.data()).containsEntry("bookingNo", booking.no().value());
  }

  @Test
  void rescheduling_to_a_full_slot_leaves_the_booking_as_it_was() {
    // given
    String point = point(jdbc, ServiceLocation.HALL, newArea());
    long mine = slot(jdbc, point, today().plusDays(2), NINE, 2);
    long full = slot(jdbc, point, today().plusDays(2), TEN, 1);
    ChannelUser user = newWechatUser();
    Booking booking = bookingService.book(hallVisit(user, mine));
    bookingService.confirm(booking.no());
    bookingService.book(hallVisit(newWechatUser(), full));

    // when
    assertThatThrownBy(() -> bookingService.reschedule(booking.no(), user, full))
        .isInstanceOf(SlotFull.class);

    // then
    Booking after = bookingService.find(booking.no()).orElseThrow();
    assertThat(after.slot().id()).isEqualTo(mine);
    assertThat(after.state()).isEqualTo(BookingState.CONFIRMED);
    assertThat(after.moves()).isZero();
    assertThat(booked(jdbc, mine)).isEqualTo(1);
    assertThat(booked(jdbc, full)).isEqualTo(1);
    assertThat(notifications.keysStartingWith("booking:" + booking.no()))
        .containsExactly(
            "booking:" + booking.no() + ":BOOKED", "booking:" + booking.no() + ":CONFIRMED");
  }

  @Test
  void rescheduling_moves_the_place_and_needs_a_new_confirmation() {
    // given
    String point = point(jdbc, ServiceLocation.HALL, newArea());
    long later = slot(jdbc, point, today().plusDays(5), NINE, 1);
    long earlier = slot(jdbc, point, today().plusDays(4), NINE, 1);
    ChannelUser user = newWechatUser();
    Booking booking = bookingService.book(hallVisit(user, later));
    bookingService.confirm(booking.no());

    // when
    Booking moved = bookingService.reschedule(booking.no(), user, earlier);

    // then
    assertThat(moved.slot().id()).isEqualTo(earlier);
    assertThat(moved.state()).isEqualTo(BookingState.BOOKED);
    assertThat(moved.moves()).isEqualTo(1);
    assertThat(booked(jdbc, later)).isZero();
    assertThat(booked(jdbc, earlier)).isEqualTo(1);

    // when confirmed again, the repeated state is told again under its own key
    bookingService.confirm(booking.no());

    // then
    String prefix = "booking:" + booking.no() + ":";
    assertThat(notifications.keysStartingWith(prefix))
        .containsExactly(
            prefix + "BOOKED",
            prefix + "CONFIRMED",
            prefix + "RESCHEDULED:1",
            prefix + "CONFIRMED:1");
  }

  @Test
  void only_the_customer_who_booked_may_cancel_or_reschedule() {
    // given
    String point = point(jdbc, ServiceLocation.HALL, newArea());
    long slotId = slot(jdbc, point, today().plusDays(2), NINE, 1);
    long other = slot(jdbc, point, today().plusDays(2), TEN, 1);
    Booking booking = bookingService.book(hallVisit(newWechatUser(), slotId));
    ChannelUser stranger = newWechatUser();

    // then
    assertThatThrownBy(() -> bookingService.cancel(booking.no(), stranger))
        .isInstanceOf(BookingNotFound.class);
    assertThatThrownBy(() -> bookingService.reschedule(booking.no(), stranger, other))
        .isInstanceOf(BookingNotFound.class);
    assertThat(bookingService.find(booking.no()).orElseThrow().state())
        .isEqualTo(BookingState.BOOKED);
    assertThat(booked(jdbc, slotId)).isEqualTo(1);
  }

  @Test
  void cancelling_gives_the_place_back_for_someone_else() {
    // given
    String point = point(jdbc, ServiceLocation.HALL, newArea());
    long slotId = slot(jdbc, point, today().plusDays(2), NINE, 1);
    ChannelUser first = newWechatUser();
    Booking booking = bookingService.book(hallVisit(first, slotId));
    assertThatThrownBy(() -> bookingService.book(hallVisit(newWechatUser(), slotId)))
        .isInstanceOf(SlotFull.class);

    // when
    Booking cancelled = bookingService.cancel(booking.no(), first);

    // then
    assertThat(cancelled.state()).isEqualTo(BookingState.CANCELLED);
    assertThat(booked(jdbc, slotId)).isZero();
    assertThat(bookingService.book(hallVisit(newWechatUser(), slotId)).state())
        .isEqualTo(BookingState.BOOKED);
    assertThat(booked(jdbc, slotId)).isEqualTo(1);
    assertThat(notifications.to(first))
        .extracting(Notice::key)
        .containsExactly(
            "booking:" + booking.no() + ":BOOKED", "booking:" + booking.no() + ":CANCELLED");

    // and a cancelled booking cannot be cancelled again or move on
    assertThatThrownBy(() -> bookingService.cancel(booking.no(), first))
        .isInstanceOf(IllegalBookingTransition.class)
        .hasMessageContaining("CANCELLED to CANCELLED");
    assertThatThrownBy(() -> bookingService.confirm(booking.no()))
        .isInstanceOf(IllegalBookingTransition.class)
        .satisfies(
            e -> {
              IllegalBookingTransition t = (IllegalBookingTransition) e;
              assertThat(t.from()).isEqualTo(BookingState.CANCELLED);
              assertThat(t.to()).isEqualTo(BookingState.CONFIRMED);
              assertThat(t.code()).isEqualTo("appointment.illegal-transition");
            });
    assertThat(booked(jdbc, slotId)).isEqualTo(1);
  }

  @Test
  void staff_confirm_then_mark_done_or_missed_but_never_skip_the_confirmation() {
    // given
    String point = point(jdbc, ServiceLocation.HALL, newArea());
    long slotId = slot(jdbc, point, today().plusDays(2), NINE, 3);
    Booking a = bookingService.book(hallVisit(newWechatUser(), slotId));
    Booking b = bookingService.book(hallVisit(newWechatUser(), slotId));

    // then
    assertThatThrownBy(() -> bookingService.markDone(a.no()))
        .isInstanceOf(IllegalBookingTransition.class)
        .hasMessageContaining("BOOKED to DONE");

    // when
    bookingService.confirm(a.no());
    bookingService.confirm(b.no());
    Booking done = bookingService.markDone(a.no());
    Booking missed = bookingService.markNoShow(b.no());

    // then
    assertThat(done.state()).isEqualTo(BookingState.DONE);
    assertThat(missed.state()).isEqualTo(BookingState.NO_SHOW);
    assertThat(booked(jdbc, slotId)).isEqualTo(2);
    assertThatThrownBy(() -> bookingService.cancel(a.no(), a.customer()))
        .isInstanceOf(IllegalBookingTransition.class);
    assertThat(notifications.to(b.customer()))
        .extracting(Notice::key)
        .last()
        .isEqualTo("booking:" + b.no() + ":NO_SHOW");
  }

  @Test
  void reassigning_moves_the_booking_to_another_point_at_the_same_time() {
    // given
    String area = newArea();
    String east = point(jdbc, ServiceLocation.ON_SITE, area);
    String west = point(jdbc, ServiceLocation.ON_SITE, area);
    LocalDate day = today().plusDays(2);
    long eastSlot = slot(jdbc, east, day, NINE, 1);
    long westSlot = slot(jdbc, west, day, NINE, 1);
    ChannelUser user = newWechatUser();
    Booking booking =
        bookingService.book(
            new BookingRequest(user, null, "METER_CHECK", eastSlot, "幸福小区3栋", "13800001234", null));
    bookingService.confirm(booking.no());

    // when
    Booking moved = bookingService.reassign(booking.no(), west);

    // then
    assertThat(moved.slot().servicePointCode()).isEqualTo(west);
    assertThat(moved.slot().start()).isEqualTo(NINE);
    assertThat(moved.state()).isEqualTo(BookingState.CONFIRMED);
    assertThat(booked(jdbc, eastSlot)).isZero();
    assertThat(booked(jdbc, westSlot)).isEqualTo(1);
    assertThat(notifications.to(user))
        .extracting(Notice::key)
        .last()
        .isEqualTo("booking:" + booking.no() + ":REASSIGNED:1");

    // and a point without a slot at that time or an unknown point is refused
    String north = point(jdbc, ServiceLocation.ON_SITE, area);
    assertThatThrownBy(() -> bookingService.reassign(booking.no(), north))
        .isInstanceOf(SlotNotFound.class);
    assertThatThrownBy(() -> bookingService.reassign(booking.no(), "NO-SUCH-POINT"))
        .isInstanceOf(ServicePointNotFound.class);
  }

  @Test
  void reminders_go_once_per_booking_and_again_after_a_move() throws Exception {
    // given
    String point = point(jdbc, ServiceLocation.HALL, newArea());
    LocalDate tomorrow = today().plusDays(1);
    long slotId = slot(jdbc, point, tomorrow, LocalTime.of(14, 0), 5);
    long later = slot(jdbc, point, tomorrow.plusDays(1), LocalTime.of(14, 0), 5);
    ChannelUser user = newWechatUser();
    Booking open = bookingService.book(hallVisit(user, slotId));
    Booking cancelled = bookingService.book(hallVisit(newWechatUser(), slotId));
    bookingService.cancel(cancelled.no(), cancelled.customer());

    // then
    assertThat(bookingService.remindersDue(tomorrow))
        .extracting(Booking::no)
        .contains(open.no())
        .doesNotContain(cancelled.no());

    // when two reminder runs race
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> runs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      runs.add(
          pool.submit(
              () -> {
                start.await();
                return bookingService.markReminded(open.no());
              }));
    }
    start.countDown();
    int sent = 0;
    for (Future<Boolean> run : runs) {
      sent += run.get(30, TimeUnit.SECONDS) ? 1 : 0;
    }

    // then
    assertThat(sent).isEqualTo(1);
    assertThat(bookingService.remindersDue(tomorrow))
        .extracting(Booking::no)
        .doesNotContain(open.no());
    assertThat(bookingService.markReminded(cancelled.no())).isFalse();
    assertThat(notifications.keysStartingWith("booking:" + open.no() + ":REMINDER"))
        .containsExactly("booking:" + open.no() + ":REMINDER");
    assertThat(notifications.to(user).get(1).text()).contains("温馨提醒", "14:00-15:00");

    // when the customer moves to another day, that day's reminder is due again
    bookingService.reschedule(open.no(), user, later);

    // then
    assertThat(bookingService.remindersDue(tomorrow.plusDays(1)))
        .extracting(Booking::no)
        .contains(open.no());
    assertThat(bookingService.markReminded(open.no())).isTrue();
    assertThat(notifications.keysStartingWith("booking:" + open.no() + ":REMINDER"))
        .containsExactly(
            "booking:" + open.no() + ":REMINDER", "booking:" + open.no() + ":REMINDER:1");
  }

  @Test
  void free_slots_are_the_nearest_first_with_room_for_the_type_in_the_area() {
    // given
    String area = newArea();
    String district = point(jdbc, ServiceLocation.HALL, area);
    String local = point(jdbc, ServiceLocation.HALL, area + "-017");
    String team = point(jdbc, ServiceLocation.ON_SITE, area);
    String elsewhere = point(jdbc, ServiceLocation.HALL, newArea());
    LocalDate day = today().plusDays(2);
    long districtLater = slot(jdbc, district, day.plusDays(1), NINE, 1);
    long districtNine = slot(jdbc, district, day, NINE, 1);
    long localNine = slot(jdbc, local, day, NINE, 1);
    long localTen = slot(jdbc, local, day, TEN, 1);
    slot(jdbc, team, day, NINE, 1);
    slot(jdbc, elsewhere, day, NINE, 1);
    slot(jdbc, district, day.plusDays(5), NINE, 1);
    long yesterday = slot(jdbc, district, today().minusDays(1), NINE, 1);
    bookingService.book(hallVisit(newWechatUser(), localTen));

    // when
    List<Slot> free = slotService.freeSlots("HALL_VISIT", area + "-017", day.minusDays(3), 5);

    // then
    assertThat(free)
        .extracting(Slot::id)
        .containsExactly(localNine, districtNine, districtLater)
        .doesNotContain(yesterday);
    assertThat(free.get(0).free()).isEqualTo(1);
    assertThat(slotService.freeSlots("HALL_VISIT", area + "-009", day, 1))
        .extracting(Slot::id)
        .containsExactly(districtNine);
  }

  @Test
  void bad_requests_are_refused_with_a_reason_and_change_nothing() {
    // given
    String hallPoint = point(jdbc, ServiceLocation.HALL, newArea());
    String teamPoint = point(jdbc, ServiceLocation.ON_SITE, newArea());
    long hallSlot = slot(jdbc, hallPoint, today().plusDays(2), NINE, 1);
    long teamSlot = slot(jdbc, teamPoint, today().plusDays(2), NINE, 1);
    long past = slot(jdbc, hallPoint, today().minusDays(1), NINE, 1);
    long tooFar = slot(jdbc, hallPoint, today().plusDays(60), NINE, 1);
    ChannelUser user = newWechatUser();
    AccountNo unknown = newAccountNo();

    // then
    assertThatThrownBy(
            () ->
                bookingService.book(
                    new BookingRequest(user, null, "NO_SUCH", hallSlot, null, "13800001234", null)))
        .isInstanceOf(ServiceTypeNotFound.class);
    assertThatThrownBy(() -> bookingService.book(hallVisit(user, 987654321L)))
        .isInstanceOf(SlotNotFound.class);
    assertThatThrownBy(() -> bookingService.book(hallVisit(user, past)))
        .isInstanceOf(SlotNotBookable.class)
        .hasMessageContaining("started");
    assertThatThrownBy(() -> bookingService.book(hallVisit(user, tooFar)))
        .isInstanceOf(SlotNotBookable.class)
        .hasMessageContaining("days ahead");
    assertThatThrownBy(() -> bookingService.book(hallVisit(user, teamSlot)))
        .isInstanceOf(SlotNotBookable.class)
        .hasMessageContaining("ON_SITE");
    assertThatThrownBy(
            () ->
                bookingService.book(
                    new BookingRequest(
                        user, null, "METER_CHECK", teamSlot, null, "13800001234", null)))
        .isInstanceOf(AddressRequired.class)
        .satisfies(
            e ->
                assertThat(((AddressRequired) e).code()).isEqualTo("appointment.address-required"));
    assertThatThrownBy(
            () ->
                bookingService.book(
                    new BookingRequest(
                        user, unknown, "HALL_VISIT", hallSlot, null, "13800001234", null)))
        .isInstanceOf(AccountNotFound.class);
    assertThatThrownBy(() -> bookingService.confirm(new BookingNo("B2026010100000000")))
        .isInstanceOf(BookingNotFound.class);
    assertThatThrownBy(() -> slotService.freeSlots("HALL_VISIT", "CN", today(), 31))
        .isInstanceOf(IllegalArgumentException.class);

    // and nothing was written
    assertThat(booked(jdbc, hallSlot)).isZero();
    assertThat(booked(jdbc, teamSlot)).isZero();
    assertThat(bookingService.bookingsOf(user)).isEmpty();
    assertThat(notifications.to(user)).isEmpty();
  }

  @Test
  void staff_open_slots_once_per_point_and_start() {
    // given
    String point = point(jdbc, ServiceLocation.HALL, newArea());
    LocalDate day = today().plusDays(3);

    // when
    Slot slot = slotService.openSlot(point, day, NINE, TEN, 4);

    // then
    assertThat(slot.capacity()).isEqualTo(4);
    assertThat(slot.booked()).isZero();
    assertThat(slot.servicePointCode()).isEqualTo(point);
    assertThatThrownBy(() -> slotService.openSlot(point, day, NINE, TEN, 2))
        .isInstanceOf(SlotAlreadyOpen.class);
    assertThatThrownBy(() -> slotService.openSlot("NO-SUCH", day, NINE, TEN, 2))
        .isInstanceOf(ServicePointNotFound.class);
    assertThatThrownBy(() -> slotService.openSlot(point, day, TEN, NINE, 2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(slotService.serviceTypes())
        .extracting(ServiceType::code)
        .contains(
            "METER_INSTALL", "METER_CHECK", "ON_SITE_CHECK", "HALL_VISIT", "EV_CHARGER_SURVEY");
    assertThat(slotService.servicePoints("CN-330106-017"))
        .extracting(ServicePoint::code)
        .contains("DEMO-HALL-01");
  }

  @Test
  void the_database_refuses_more_bookings_than_capacity_whatever_the_code_does() {
    String point = point(jdbc, ServiceLocation.HALL, newArea());
    long slotId = slot(jdbc, point, today().plusDays(2), NINE, 1);

    assertThatThrownBy(
            () -> jdbc.update("UPDATE appointment_slot SET booked = 2 WHERE id = ?", slotId))
        .hasMessageContaining("ck_appointment_slot_booked");
    assertThat(booked(jdbc, slotId)).isZero();
  }
}
