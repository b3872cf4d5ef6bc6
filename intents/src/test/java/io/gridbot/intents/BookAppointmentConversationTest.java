package io.gridbot.intents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;

import io.gridbot.dialog.TurnOutcome;
import io.gridbot.service.account.AccountNo;
import io.gridbot.service.appointment.Booking;
import io.gridbot.service.appointment.BookingNo;
import io.gridbot.service.appointment.BookingRequest;
import io.gridbot.service.appointment.BookingState;
import io.gridbot.service.appointment.ServiceLocation;
import io.gridbot.service.appointment.ServiceType;
import io.gridbot.service.appointment.Slot;
import io.gridbot.service.appointment.SlotFull;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;

/** Booking a visit: type and day from the first message, slots by ordinal, races, cancelling. */
class BookAppointmentConversationTest extends VisitsHarness {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  static Slot slot(long id, int daysAhead, int startHour, String point) {
    return new Slot(
        id,
        "P1",
        point,
        "文一路1号",
        ServiceLocation.ON_SITE,
        TODAY.plusDays(daysAhead),
        LocalTime.of(startHour, 0),
        LocalTime.of(startHour + 2, 0),
        3,
        1);
  }

  static final List<Slot> FREE =
      List.of(
          slot(11, 1, 14, "城西服务队"),
          slot(12, 1, 9, "城西服务队"),
          slot(13, 2, 9, "城西服务队"),
          slot(14, 3, 9, "城西服务队"),
          slot(15, 4, 9, "城西服务队"));

  @BeforeEach
  void catalogue() {
    Mockito.when(slots.serviceTypes())
        .thenReturn(
            List.of(
                new ServiceType("METER_CHECK", "验表", 60, ServiceLocation.ON_SITE),
                new ServiceType("ON_SITE_CHECK", "上门检查", 90, ServiceLocation.ON_SITE),
                new ServiceType("HALL_VISIT", "营业厅办理", 30, ServiceLocation.HALL)));
    Mockito.when(slots.freeSlots(anyString(), eq("CN-330106-017"), any(), anyInt()))
        .thenReturn(FREE);
  }

  static Booking booked(BookingRequest r, Slot slot) {
    return new Booking(
        new BookingNo("B2026112700000042"),
        r.customer(),
        r.account(),
        r.serviceType(),
        slot,
        r.address(),
        r.contactPhone(),
        null,
        BookingState.BOOKED,
        0,
        false);
  }

  @Test
  void typeAndDayFromTheFirstMessageThenSlotByOrdinal() {
    bind("b1", "3300000001");
    Mockito.when(bookings.book(any())).thenAnswer(i -> booked(i.getArgument(0), FREE.get(0)));

    // the type and the day come from the first message: the morning slot of tomorrow comes first
    TurnOutcome first = turn("b1", "预约明天上午上门检查电表");
    assertThat(first.templates()).containsExactly("appointment.ask_slot");
    String offered = first.replies().get(0).asText();
    assertThat(offered).contains("验表").doesNotContain("约满");
    String tomorrow =
        TODAY.plusDays(1).getMonthValue() + "月" + TODAY.plusDays(1).getDayOfMonth() + "日";
    assertThat(offered).contains("1. " + tomorrow).contains("上午 9:00-11:00 城西服务队");
    assertThat(offered.indexOf("上午 9:00")).isLessThan(offered.indexOf("下午 14:00"));
    assertThat(offered).doesNotContain("5. ");

    // the second option is tomorrow afternoon; the registered address and phone are offered
    assertThat(say("b1", "第二个")).contains("上门的地址").contains("幸福小区3栋2单元501");
    assertThat(say("b1", "1")).contains("138****0001").doesNotContain("13800000001");
    String confirm = say("b1", "1");
    assertThat(confirm)
        .contains("业务：验表")
        .contains(tomorrow)
        .contains("下午 14:00-16:00")
        .contains("上门地址：幸福小区3栋2单元501")
        .contains("联系电话：138****0001");
    assertThat(say("b1", "确认")).contains("预约成功").contains("B2026112700000042");

    ArgumentCaptor<BookingRequest> request = ArgumentCaptor.forClass(BookingRequest.class);
    Mockito.verify(bookings).book(request.capture());
    assertThat(request.getValue().slotId()).isEqualTo(11);
    assertThat(request.getValue().serviceType()).isEqualTo("METER_CHECK");
    assertThat(request.getValue().account()).isEqualTo(new AccountNo("3300000001"));
    assertThat(request.getValue().address()).isEqualTo("幸福小区3栋2单元501");
    assertThat(request.getValue().contactPhone()).isEqualTo("13800000001");
    assertThat(request.getValue().customer()).isEqualTo(user("b1"));
  }

  @Test
  void aSlotTakenMeanwhileIsApologisedForAndTheNextSlotsOfferedKeepingTheRest() {
    bind("b2", "3300000001");
    Mockito.when(bookings.book(any()))
        .thenThrow(new SlotFull(12))
        .thenAnswer(i -> booked(i.getArgument(0), FREE.get(2)));

    turn("b2", "预约明天上午上门检查电表");
    say("b2", "1");
    assertThat(say("b2", "换个地址")).contains("请发送上门的详细地址");
    say("b2", "和平路8号");
    say("b2", "13912345678");

    TurnOutcome raced = turn("b2", "确认");
    assertThat(raced.templates()).containsExactly("appointment.slot_taken", "appointment.ask_slot");
    assertThat(raced.replies().get(1).asText()).contains("1. ");

    // the address and phone are kept: the next confirmation follows the new slot at once
    String confirm = say("b2", "3");
    assertThat(confirm).contains("和平路8号").contains("139****5678");
    assertThat(say("b2", "确认")).contains("预约成功");

    ArgumentCaptor<BookingRequest> request = ArgumentCaptor.forClass(BookingRequest.class);
    Mockito.verify(bookings, Mockito.times(2)).book(request.capture());
    assertThat(request.getAllValues()).extracting(BookingRequest::slotId).containsExactly(12L, 13L);
    assertThat(request.getAllValues().get(1).address()).isEqualTo("和平路8号");
  }

  @Test
  void aDayWithoutFreeSlotsIsSaidAndOthersOffered() {
    bind("b3", "3300000001");
    Mockito.when(slots.freeSlots(anyString(), anyString(), any(), anyInt()))
        .thenReturn(List.of(slot(14, 3, 9, "城西服务队")));
    assertThat(say("b3", "预约明天上午上门检查电表")).contains("暂时没有空位").contains("1. ");
  }

  @Test
  void noFreeSlotsAtAllOffersAHuman() {
    bind("b4", "3300000001");
    Mockito.when(slots.freeSlots(anyString(), anyString(), any(), anyInt())).thenReturn(List.of());
    assertThat(say("b4", "预约上门验表")).contains("约满").contains("95598").contains("转人工");
  }

  @Test
  void typeIsAskedWhenNotSaidAndABadAnswerIsAskedAgain() {
    bind("b5", "3300000001");
    assertThat(say("b5", "我要预约")).contains("哪项业务").contains("1. 验表").contains("3. 营业厅办理");
    assertThat(say("b5", "9")).contains("没有找到这项");
    // a hall visit needs no address: from the slot straight to the phone
    assertThat(say("b5", "3")).contains("请回复序号");
    assertThat(say("b5", "1")).contains("联系您用哪个电话");
    assertThat(say("b5", "12345")).contains("没有识别出电话号码");
  }

  @Test
  void cancellingMidFormBooksNothing() {
    bind("b6", "3300000001");
    say("b6", "预约明天上午上门检查电表");
    assertThat(say("b6", "不约了")).contains("已取消");
    Mockito.verify(bookings, Mockito.never()).book(any());
  }

  @Test
  void withoutABoundAccountTheCustomerIsToldToBindFirst() {
    assertThat(say("b7", "预约明天上午上门检查电表")).contains("先绑定户号");
  }

  @Test
  void withSeveralAccountsTheAccountIsAsked() {
    bind("b8", "3300000001", "3300000002");
    assertThat(say("b8", "预约明天上午上门检查电表")).contains("哪个户号").contains("3300****02");
    assertThat(say("b8", "2")).contains("上午 9:00-11:00");
  }
}
