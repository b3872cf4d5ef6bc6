package io.gridbot.intents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;

import io.gridbot.dialog.TurnOutcome;
import io.gridbot.service.account.AccountNo;
import io.gridbot.service.appointment.Booking;
import io.gridbot.service.appointment.BookingNo;
import io.gridbot.service.appointment.BookingState;
import io.gridbot.service.appointment.IllegalBookingTransition;
import io.gridbot.service.appointment.ServiceLocation;
import io.gridbot.service.appointment.ServiceType;
import io.gridbot.service.appointment.Slot;
import io.gridbot.service.appointment.SlotFull;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

/** Cancelling and moving bookings. */
class CancelAppointmentConversationTest extends VisitsHarness {

  static final BookingNo FIRST = new BookingNo("B2026112700000001");
  static final BookingNo SECOND = new BookingNo("B2026112700000002");

  static Booking booking(String user, BookingNo no, Slot slot, BookingState state) {
    return new Booking(
        no,
        user(user),
        new AccountNo("3300000001"),
        "METER_CHECK",
        slot,
        "幸福小区3栋2单元501",
        "13800000001",
        null,
        state,
        0,
        false);
  }

  @BeforeEach
  void catalogue() {
    Mockito.when(slots.serviceTypes())
        .thenReturn(List.of(new ServiceType("METER_CHECK", "验表", 60, ServiceLocation.ON_SITE)));
    Mockito.when(slots.freeSlots(anyString(), eq("CN-330106-017"), any(), anyInt()))
        .thenReturn(BookAppointmentConversationTest.FREE);
  }

  void bookings(String user, Booking... list) {
    Mockito.when(bookings.bookingsOf(user(user))).thenReturn(List.of(list));
  }

  @Test
  void withoutOpenBookingsTheCustomerIsToldSo() {
    bookings(
        "c1", booking("c1", FIRST, BookAppointmentConversationTest.FREE.get(0), BookingState.DONE));
    assertThat(say("c1", "取消我的预约")).contains("没有待办理的预约");
  }

  @Test
  void theOnlyOpenBookingIsCancelledAfterConfirmation() {
    Slot slot = BookAppointmentConversationTest.FREE.get(1);
    Booking open = booking("c2", FIRST, slot, BookingState.BOOKED);
    bookings("c2", open);
    Mockito.when(bookings.cancel(FIRST, user("c2"))).thenReturn(open);

    assertThat(say("c2", "取消我的预约")).contains("预约号B2026112700000001").contains("1. 取消预约");
    assertThat(say("c2", "1")).contains("确认取消这个预约吗").contains("上午 9:00-11:00");
    assertThat(say("c2", "确认")).contains("已为您取消预约B2026112700000001");
    Mockito.verify(bookings).cancel(FIRST, user("c2"));
  }

  @Test
  void aBookingIsPickedAndRescheduledToAFreeSlot() {
    Slot old = BookAppointmentConversationTest.FREE.get(1);
    bookings(
        "c3",
        booking("c3", FIRST, BookAppointmentConversationTest.FREE.get(0), BookingState.CONFIRMED),
        booking("c3", SECOND, old, BookingState.BOOKED));
    Slot target = BookAppointmentConversationTest.FREE.get(3);
    Mockito.when(bookings.reschedule(SECOND, user("c3"), target.id()))
        .thenReturn(booking("c3", SECOND, target, BookingState.BOOKED));

    assertThat(say("c3", "我想改一下预约的时间")).contains("要处理哪一个").contains("B2026112700000002");
    // the wish to reschedule was in the first message: the new slots are offered at once
    String offered = say("c3", "第二个");
    assertThat(offered).contains("可以改到以下时间").doesNotContainPattern(label(old) + "（..）上午");
    assertThat(say("c3", "3")).contains("确认改约吗").contains("原时间").contains("新时间");
    assertThat(say("c3", "确认")).contains("改约成功");
    Mockito.verify(bookings).reschedule(SECOND, user("c3"), target.id());
    Mockito.verify(bookings, Mockito.never()).cancel(any(), any());
  }

  @Test
  void aNewSlotTakenMeanwhileIsOfferedAgain() {
    Booking open =
        booking("c4", FIRST, BookAppointmentConversationTest.FREE.get(1), BookingState.BOOKED);
    bookings("c4", open);
    Mockito.when(bookings.reschedule(eq(FIRST), eq(user("c4")), anyLong()))
        .thenThrow(new SlotFull(11))
        .thenReturn(open);

    say("c4", "改约");
    say("c4", "1");
    TurnOutcome raced = turn("c4", "确认");
    assertThat(raced.templates()).containsExactly("rebooking.slot_taken", "rebooking.ask_slot");
    say("c4", "2");
    assertThat(say("c4", "确认")).contains("改约成功");
    Mockito.verify(bookings, Mockito.times(2)).reschedule(eq(FIRST), eq(user("c4")), anyLong());
  }

  @Test
  void denyingTheConfirmationKeepsTheBooking() {
    bookings(
        "c5",
        booking("c5", FIRST, BookAppointmentConversationTest.FREE.get(1), BookingState.BOOKED));
    say("c5", "取消我的预约");
    say("c5", "1");
    assertThat(say("c5", "不了")).contains("预约保持不变");
    Mockito.verify(bookings, Mockito.never()).cancel(any(), any());
  }

  @Test
  void aBookingClosedMeanwhileIsSaid() {
    bookings(
        "c6",
        booking("c6", FIRST, BookAppointmentConversationTest.FREE.get(1), BookingState.BOOKED));
    Mockito.when(bookings.cancel(FIRST, user("c6")))
        .thenThrow(new IllegalBookingTransition(FIRST, BookingState.DONE, BookingState.CANCELLED));
    say("c6", "取消我的预约");
    say("c6", "1");
    assertThat(say("c6", "确认")).contains("已经办结或取消");
  }

  private static String label(Slot slot) {
    return slot.date().getMonthValue() + "月" + slot.date().getDayOfMonth() + "日";
  }
}
