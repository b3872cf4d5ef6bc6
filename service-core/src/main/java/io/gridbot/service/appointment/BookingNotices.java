package io.gridbot.service.appointment;

import io.gridbot.service.notification.Notice;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** The customer-facing notices about a booking, in polite Chinese. */
final class BookingNotices {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private BookingNotices() {}

  /** The notice for a booking that just reached its current state. */
  static Notice stateReached(Booking booking, String typeName) {
    String ref = typeName + "（预约号" + booking.no() + "）";
    return switch (booking.state()) {
      case BOOKED ->
          notice(
              booking,
              "BOOKED",
              "预约成功",
              "您好，您已成功预约"
                  + ref
                  + "，时间为"
                  + when(booking)
                  + "，"
                  + place(booking)
                  + "。如需改约或取消，请提前办理，感谢您的支持。");
      case CONFIRMED ->
          notice(
              booking,
              "CONFIRMED",
              "预约已确认",
              "您好，您预约的" + ref + "已确认，时间为" + when(booking) + "，" + place(booking) + "。");
      case CANCELLED ->
          notice(booking, "CANCELLED", "预约已取消", "您好，您预约的" + ref + "已取消。如仍有需要，欢迎随时重新预约。");
      case DONE ->
          notice(booking, "DONE", "服务已完成", "您好，您预约的" + ref + "已办理完成，感谢您的配合。如有疑问，请拨打95598供电服务热线。");
      case NO_SHOW ->
          notice(
              booking, "NO_SHOW", "预约未能办理", "您好，您预约的" + ref + "未能按时办理。如仍需办理，欢迎重新预约，给您带来不便，敬请谅解。");
    };
  }

  static Notice rescheduled(Booking booking, String typeName) {
    return notice(
        booking,
        "RESCHEDULED",
        "预约已改期",
        "您好，您的"
            + typeName
            + "预约（预约号"
            + booking.no()
            + "）已改至"
            + when(booking)
            + "，"
            + place(booking)
            + "。工作人员确认后会再通知您。");
  }

  static Notice reassigned(Booking booking, String typeName) {
    return notice(
        booking,
        "REASSIGNED",
        "服务网点已调整",
        "您好，您的"
            + typeName
            + "预约（预约号"
            + booking.no()
            + "）改由"
            + booking.slot().servicePointName()
            + "为您服务，时间不变："
            + when(booking)
            + "。给您带来不便，敬请谅解。");
  }

  static Notice reminder(Booking booking, String typeName) {
    return notice(
        booking,
        "REMINDER",
        "预约提醒",
        "您好，温馨提醒：您预约的"
            + typeName
            + "将于"
            + when(booking)
            + "进行，"
            + place(booking)
            + "。预约号："
            + booking.no()
            + "。如需改约或取消，请尽早办理。");
  }

  /** {@code booking:<no>:<event>}, plus {@code :<moves>} once the booking has moved. */
  static String key(Booking booking, String event) {
    String key = "booking:" + booking.no() + ":" + event;
    return booking.moves() == 0 ? key : key + ":" + booking.moves();
  }

  private static Notice notice(Booking booking, String event, String title, String text) {
    Slot slot = booking.slot();
    return new Notice(
        "progress",
        key(booking, event),
        title,
        text,
        false,
        Map.of(
            "bookingNo", booking.no().value(),
            "serviceType", booking.serviceType(),
            "state", booking.state().name(),
            "date", slot.date().toString(),
            "start", slot.start().format(TIME),
            "end", slot.end().format(TIME),
            "servicePoint", slot.servicePointName()));
  }

  private static String when(Booking booking) {
    Slot slot = booking.slot();
    return slot.date().format(DAY)
        + " "
        + slot.start().format(TIME)
        + "-"
        + slot.end().format(TIME);
  }

  private static String place(Booking booking) {
    Slot slot = booking.slot();
    return switch (slot.location()) {
      case HALL -> "请届时前往" + slot.servicePointName() + "（" + slot.servicePointAddress() + "）办理";
      case ON_SITE -> slot.servicePointName() + "的工作人员将按时上门服务";
    };
  }
}
