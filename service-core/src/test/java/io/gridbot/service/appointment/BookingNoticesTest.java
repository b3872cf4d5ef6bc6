package io.gridbot.service.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.notification.Notice;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class BookingNoticesTest {

  private static final BookingNo NO = new BookingNo("B2026112700000001");

  private static Booking booking(BookingState state, int moves, ServiceLocation location) {
    Slot slot =
        new Slot(
            7,
            "P1",
            "城东营业厅",
            "文三路100号",
            location,
            LocalDate.of(2026, 12, 3),
            LocalTime.of(9, 0),
            LocalTime.of(10, 30),
            3,
            1);
    return new Booking(
        NO,
        new ChannelUser("wechat", "oUser"),
        null,
        "HALL_VISIT",
        slot,
        null,
        "13800001234",
        null,
        state,
        moves,
        false);
  }

  @Test
  void keys_name_the_state_and_the_moves_once_there_are_any() {
    assertThat(
            BookingNotices.stateReached(
                    booking(BookingState.CONFIRMED, 0, ServiceLocation.HALL), "营业厅办理")
                .key())
        .isEqualTo("booking:B2026112700000001:CONFIRMED");
    assertThat(
            BookingNotices.stateReached(
                    booking(BookingState.CONFIRMED, 2, ServiceLocation.HALL), "营业厅办理")
                .key())
        .isEqualTo("booking:B2026112700000001:CONFIRMED:2");
    assertThat(
            BookingNotices.rescheduled(
                    booking(BookingState.BOOKED, 1, ServiceLocation.HALL), "营业厅办理")
                .key())
        .isEqualTo("booking:B2026112700000001:RESCHEDULED:1");
  }

  @Test
  void every_state_has_a_polite_chinese_progress_notice() {
    for (BookingState state : BookingState.values()) {
      Notice notice = BookingNotices.stateReached(booking(state, 0, ServiceLocation.HALL), "营业厅办理");
      assertThat(notice.kind()).isEqualTo("progress");
      assertThat(notice.text()).startsWith("您好").contains("营业厅办理", NO.value());
      assertThat(notice.key()).endsWith(":" + state.name());
      assertThat(notice.data()).containsEntry("state", state.name());
    }
  }

  @Test
  void the_place_depends_on_the_location() {
    assertThat(
            BookingNotices.stateReached(
                    booking(BookingState.BOOKED, 0, ServiceLocation.HALL), "营业厅办理")
                .text())
        .contains("12月3日 09:00-10:30", "请届时前往城东营业厅（文三路100号）办理");
    assertThat(
            BookingNotices.reminder(
                    booking(BookingState.CONFIRMED, 0, ServiceLocation.ON_SITE), "验表")
                .text())
        .contains("温馨提醒", "城东营业厅的工作人员将按时上门服务");
  }
}
