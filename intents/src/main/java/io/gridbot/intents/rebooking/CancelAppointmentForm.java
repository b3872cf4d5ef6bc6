package io.gridbot.intents.rebooking;

import io.gridbot.dialog.form.Choice;
import io.gridbot.dialog.form.Form;
import io.gridbot.dialog.form.SlotSpec;
import io.gridbot.dialog.nlu.entity.DateTimeExtractor;
import io.gridbot.dialog.tracker.Event;
import io.gridbot.dialog.tracker.Tracker;
import io.gridbot.intents.Assistant;
import io.gridbot.intents.AssistantServices;
import io.gridbot.intents.Conversations;
import io.gridbot.intents.Templates;
import io.gridbot.intents.appointment.SlotOffers;
import io.gridbot.service.account.Account;
import io.gridbot.service.account.AccountService;
import io.gridbot.service.account.BindingService;
import io.gridbot.service.appointment.Booking;
import io.gridbot.service.appointment.BookingNo;
import io.gridbot.service.appointment.BookingNotFound;
import io.gridbot.service.appointment.BookingService;
import io.gridbot.service.appointment.IllegalBookingTransition;
import io.gridbot.service.appointment.ServiceType;
import io.gridbot.service.appointment.SlotFull;
import io.gridbot.service.appointment.SlotNotBookable;
import io.gridbot.service.appointment.SlotNotFound;
import io.gridbot.service.appointment.SlotService;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Cancels or moves one of the customer's open bookings: which booking, cancel or reschedule, for a
 * reschedule a new free slot; then confirms. A new slot taken meanwhile is offered again.
 */
public final class CancelAppointmentForm {

  public static final String NAME = "cancel_appointment_form";
  static final String BOOKING = "booking_no";
  static final String CHANGE = "change";
  static final String WHEN = "preferred_time";
  static final String NEW_SLOT = "new_slot";
  static final String CANCEL = "cancel";
  static final String RESCHEDULE = "reschedule";

  private static final Pattern RESCHEDULE_WORDS =
      Pattern.compile("改|换个?时间|换到|换一天|推迟|提前|延期|挪到|晚几天|早几天");

  private final BookingService bookings;
  private final SlotService slots;
  private final BindingService bindings;
  private final AccountService accounts;
  private final SlotOffers offers;
  private final Templates templates;

  private CancelAppointmentForm(AssistantServices services, Templates templates, Clock clock) {
    this.bookings = services.bookings();
    this.slots = services.slots();
    this.bindings = services.bindings();
    this.accounts = services.accounts();
    this.offers = new SlotOffers(services.slots(), templates, clock);
    this.templates = templates;
  }

  /** The form on the assistant's services; slots are looked for from today in {@code clock}. */
  public static Form create(AssistantServices services, Templates templates, Clock clock) {
    return new CancelAppointmentForm(services, templates, clock).form();
  }

  private Form form() {
    return Form.named(NAME)
        .guard(t -> open(t).isEmpty() ? List.of(templates.say("rebooking.none")) : List.<Event>of())
        .slot(
            SlotSpec.named(BOOKING)
                .prompt(templates.prompt("rebooking.ask_booking"))
                .retry(templates.prompt("rebooking.retry_booking"))
                .parser(this::booking)
                .choices(
                    t -> open(t).stream().map(b -> new Choice(label(b), b.no().value())).toList())
                .prefill(
                    t -> {
                      List<Booking> open = open(t);
                      return open.size() == 1
                          ? Optional.of(open.get(0).no().value())
                          : Optional.empty();
                    })
                .build())
        .slot(
            SlotSpec.named(CHANGE)
                .prompt(templates.prompt("rebooking.ask_change", this::describe))
                .parser(
                    text ->
                        RESCHEDULE_WORDS.matcher(text).find()
                            ? Optional.of(RESCHEDULE)
                            : text.contains("取消") ? Optional.of(CANCEL) : Optional.empty())
                .choices(
                    t ->
                        List.of(
                            new Choice(templates.render("rebooking.choice_cancel"), CANCEL),
                            new Choice(
                                templates.render("rebooking.choice_reschedule"), RESCHEDULE)))
                .prefill(
                    t ->
                        openingMessage(t)
                            .filter(m -> RESCHEDULE_WORDS.matcher(m).find())
                            .map(m -> RESCHEDULE))
                .build())
        .slot(
            // never asked: remembers the day or time the customer named, to offer those first
            SlotSpec.named(WHEN)
                .entity(DateTimeExtractor.ENTITY)
                .prompt(templates.prompt("rebooking.ask_change", this::describe))
                .parser(v -> Optional.of(v))
                .neededWhen(t -> false)
                .build())
        .slot(
            SlotSpec.named(NEW_SLOT)
                .prompt(this::askSlot)
                .choices(t -> offer(t).choices())
                .neededWhen(t -> t.slot(CHANGE).filter(RESCHEDULE::equals).isPresent())
                .build())
        .confirm(
            t ->
                t.slot(CHANGE).filter(RESCHEDULE::equals).isPresent()
                    ? templates.say("rebooking.confirm_reschedule", describe(t))
                    : templates.say("rebooking.confirm_cancel", describe(t)))
        .submit(this::submit)
        .cancelled(templates.prompt("rebooking.cancelled"))
        .giveUp(Assistant.giveUp(templates))
        .build();
  }

  /** The text of the message that started the active form (e.g. 我想改一下预约的时间). */
  static Optional<String> openingMessage(Tracker tracker) {
    String text = null;
    String opening = null;
    for (Event e : tracker.events()) {
      if (e instanceof Event.UserUttered u) {
        text = u.text();
      } else if (e instanceof Event.FormActivated) {
        opening = text;
      }
    }
    return Optional.ofNullable(opening);
  }

  private List<Booking> open(Tracker tracker) {
    return bookings.bookingsOf(Conversations.userOf(tracker)).stream()
        .filter(b -> b.state().isOpen())
        .toList();
  }

  private Optional<Booking> chosen(Tracker tracker) {
    return tracker
        .slot(BOOKING)
        .flatMap(no -> open(tracker).stream().filter(b -> b.no().value().equals(no)).findFirst());
  }

  private Optional<String> booking(Tracker tracker, String text) {
    String answer = text.strip().toUpperCase();
    return open(tracker).stream()
        .map(b -> b.no().value())
        .filter(no -> answer.contains(no))
        .findFirst();
  }

  private String typeName(String code) {
    return slots.serviceTypes().stream()
        .filter(s -> s.code().equals(code))
        .map(ServiceType::name)
        .findFirst()
        .orElse(code);
  }

  private String label(Booking booking) {
    return templates.render(
        "rebooking.booking_label",
        Map.of(
            "type", typeName(booking.serviceType()),
            "slot", offers.label(booking.slot()),
            "no", booking.no().value()));
  }

  private Map<String, Object> describe(Tracker tracker) {
    Map<String, Object> values = new HashMap<>();
    chosen(tracker)
        .ifPresent(
            b -> {
              values.put("no", b.no().value());
              values.put("type", typeName(b.serviceType()));
              values.put("slot", offers.label(b.slot()));
            });
    tracker.slot(NEW_SLOT).ifPresent(s -> values.put("new_slot", SlotOffers.slotLabel(s)));
    return values;
  }

  private SlotOffers.Offer offer(Tracker tracker) {
    Optional<Booking> booking = chosen(tracker);
    if (booking.isEmpty()) {
      return new SlotOffers.Offer(List.of(), false);
    }
    Booking b = booking.get();
    Optional<Account> account =
        Optional.ofNullable(b.account())
            .or(
                () ->
                    bindings.defaultAccount(Conversations.userOf(tracker)).map(Account::accountNo))
            .flatMap(accounts::find);
    String area = account.map(Account::areaCode).orElse("");
    return offers.offer(tracker, b.serviceType(), area, WHEN, b.slot().id());
  }

  private Event.BotUttered askSlot(Tracker tracker) {
    SlotOffers.Offer offer = offer(tracker);
    Map<String, Object> values = describe(tracker);
    values.put("missed", offer.preferredMissed());
    return offer.choices().isEmpty()
        ? templates.say("rebooking.no_slots", values)
        : templates.say("rebooking.ask_slot", values);
  }

  private List<Event> submit(Tracker tracker) {
    BookingNo no = new BookingNo(tracker.slot(BOOKING).orElseThrow());
    Map<String, Object> values = describe(tracker);
    try {
      if (tracker.slot(CHANGE).filter(RESCHEDULE::equals).isPresent()) {
        Booking moved =
            bookings.reschedule(
                no,
                Conversations.userOf(tracker),
                SlotOffers.slotId(tracker.slot(NEW_SLOT).orElseThrow()));
        values.put("new_slot", offers.label(moved.slot()));
        return List.of(templates.say("rebooking.rescheduled", values));
      }
      bookings.cancel(no, Conversations.userOf(tracker));
      return List.of(templates.say("rebooking.done_cancel", values));
    } catch (SlotFull | SlotNotBookable | SlotNotFound e) {
      return List.of(templates.say("rebooking.slot_taken"), new Event.SlotSet(NEW_SLOT, null));
    } catch (BookingNotFound | IllegalBookingTransition e) {
      return List.of(templates.say("rebooking.not_open", Map.of("no", no.value())));
    }
  }
}
