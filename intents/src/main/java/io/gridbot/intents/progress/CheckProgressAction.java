package io.gridbot.intents.progress;

import io.gridbot.dialog.action.Action;
import io.gridbot.dialog.channel.Reply;
import io.gridbot.dialog.tracker.Event;
import io.gridbot.dialog.tracker.Tracker;
import io.gridbot.intents.Conversations;
import io.gridbot.intents.Templates;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.application.Application;
import io.gridbot.service.application.ApplicationService;
import io.gridbot.service.application.ApplicationState;
import io.gridbot.service.appointment.Booking;
import io.gridbot.service.appointment.BookingService;
import io.gridbot.service.appointment.BookingState;
import io.gridbot.service.appointment.SlotService;
import io.gridbot.service.outage.ChinaTime;
import io.gridbot.service.repair.RepairService;
import io.gridbot.service.repair.Ticket;
import io.gridbot.service.repair.TicketState;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * The progress of what this customer asked for in the chat: their open repair tickets, upcoming
 * bookings and open applications (and the latest closed one of each when nothing is open).
 */
public final class CheckProgressAction implements Action {

  static final int LIMIT = 3;

  private static final Map<TicketState, String> TICKET =
      Map.of(
          TicketState.RECEIVED, "已受理，正在安排抢修",
          TicketState.DISPATCHED, "已派单，抢修人员正在赶往现场",
          TicketState.ON_SITE, "抢修人员已到达现场",
          TicketState.RESOLVED, "已修复",
          TicketState.CANCELLED, "已取消");
  private static final Map<BookingState, String> BOOKING =
      Map.of(
          BookingState.BOOKED, "已预约，等待确认",
          BookingState.CONFIRMED, "已确认",
          BookingState.DONE, "已完成",
          BookingState.CANCELLED, "已取消",
          BookingState.NO_SHOW, "未到场");
  private static final Map<ApplicationState, String> APPLICATION =
      Map.of(
          ApplicationState.SUBMITTED, "已提交，等待受理",
          ApplicationState.ACCEPTED, "已受理",
          ApplicationState.SURVEY, "现场勘查中",
          ApplicationState.APPROVED, "已审批，等待接电",
          ApplicationState.CONNECTED, "已办结",
          ApplicationState.REJECTED, "未通过");

  private final RepairService repairs;
  private final BookingService bookings;
  private final SlotService slots;
  private final ApplicationService applications;
  private final Templates templates;
  private final Clock clock;

  public CheckProgressAction(
      RepairService repairs,
      BookingService bookings,
      SlotService slots,
      ApplicationService applications,
      Templates templates,
      Clock clock) {
    this.repairs = repairs;
    this.bookings = bookings;
    this.slots = slots;
    this.applications = applications;
    this.templates = templates;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "action_check_progress";
  }

  @Override
  public List<Event> run(Tracker tracker) {
    ChannelUser user = Conversations.userOf(tracker);
    List<String> lines = new ArrayList<>();
    for (Ticket t :
        relevant(
            repairs.reportedBy(user, 10),
            t -> !EnumSet.of(TicketState.RESOLVED, TicketState.CANCELLED).contains(t.state()))) {
      String eta =
          t.expectedRestoration() == null || t.state() == TicketState.RESOLVED
              ? ""
              : templates.render(
                  "progress.ticket_eta",
                  Map.of("end", ChinaTime.format(t.expectedRestoration(), clock.instant())));
      lines.add(
          templates.render(
              "progress.ticket",
              Map.of("no", t.ticketNo(), "state", TICKET.get(t.state()), "eta", eta)));
    }
    Map<String, String> typeNames = new java.util.HashMap<>();
    slots.serviceTypes().forEach(t -> typeNames.put(t.code(), t.name()));
    for (Booking b :
        relevant(
            bookings.bookingsOf(user),
            b -> EnumSet.of(BookingState.BOOKED, BookingState.CONFIRMED).contains(b.state()))) {
      lines.add(
          templates.render(
              "progress.booking",
              Map.of(
                  "no", b.no(),
                  "type", typeNames.getOrDefault(b.serviceType(), b.serviceType()),
                  "date", b.slot().date(),
                  "start", b.slot().start(),
                  "state", BOOKING.get(b.state()))));
    }
    for (Application a :
        relevant(
            applications.applicationsOf(user),
            a ->
                !EnumSet.of(ApplicationState.CONNECTED, ApplicationState.REJECTED)
                    .contains(a.state()))) {
      String reason =
          a.rejectReason() == null
              ? ""
              : templates.render("progress.application_reason", Map.of("reason", a.rejectReason()));
      lines.add(
          templates.render(
              "progress.application",
              Map.of(
                  "no", a.no(),
                  "type", a.type().label(),
                  "state", APPLICATION.get(a.state()),
                  "reason", reason)));
    }
    String text = lines.isEmpty() ? templates.render("progress.none") : String.join("\n", lines);
    return List.of(
        new Event.BotUttered(
            Reply.text(text), lines.isEmpty() ? "progress.none" : "progress.list"));
  }

  /** The open ones (at most {@link #LIMIT}), or else the latest one, newest first. */
  private static <T> List<T> relevant(List<T> all, java.util.function.Predicate<T> open) {
    List<T> openOnes = all.stream().filter(open).limit(LIMIT).toList();
    return openOnes.isEmpty() ? all.stream().limit(1).toList() : openOnes;
  }
}
