package io.gridbot.intents.appointment;

import io.gridbot.dialog.form.Choice;
import io.gridbot.dialog.form.Form;
import io.gridbot.dialog.form.SlotSpec;
import io.gridbot.dialog.nlu.entity.DateTimeExtractor;
import io.gridbot.dialog.tracker.Event;
import io.gridbot.dialog.tracker.Tracker;
import io.gridbot.intents.AccountSlot;
import io.gridbot.intents.Assistant;
import io.gridbot.intents.AssistantServices;
import io.gridbot.intents.ContactPhoneSlot;
import io.gridbot.intents.Conversations;
import io.gridbot.intents.Templates;
import io.gridbot.intents.nlu.BusinessType;
import io.gridbot.intents.nlu.DomainEntities;
import io.gridbot.service.account.Account;
import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.AccountNotFound;
import io.gridbot.service.appointment.AddressRequired;
import io.gridbot.service.appointment.Booking;
import io.gridbot.service.appointment.BookingRequest;
import io.gridbot.service.appointment.BookingService;
import io.gridbot.service.appointment.ServiceLocation;
import io.gridbot.service.appointment.ServiceType;
import io.gridbot.service.appointment.ServiceTypeNotFound;
import io.gridbot.service.appointment.SlotFull;
import io.gridbot.service.appointment.SlotNotBookable;
import io.gridbot.service.appointment.SlotNotFound;
import io.gridbot.service.appointment.SlotService;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Books an on-site visit or a service-hall slot: the service, the account (its area decides the
 * service points), one of the nearest free slots (those at the time the customer named first), the
 * address for on-site services, a contact phone; then confirms and books. A slot taken meanwhile is
 * apologised for and the next free slots are offered, keeping the other answers.
 */
public final class BookAppointmentForm {

  public static final String NAME = "book_appointment_form";
  static final String TYPE = "service_type";
  static final String WHEN = "preferred_time";
  static final String SLOT = "slot";
  static final String ADDRESS = "address";
  private static final java.util.regex.Pattern ADDRESS_WORD =
      java.util.regex.Pattern.compile("[0-9０-９路街道巷弄号栋幢楼单元室村镇乡区县市苑园庭府座组]");

  private final SlotService slots;
  private final BookingService bookings;
  private final AccountSlot accounts;
  private final SlotOffers offers;
  private final Templates templates;

  private BookAppointmentForm(
      SlotService slots,
      BookingService bookings,
      AccountSlot accounts,
      SlotOffers offers,
      Templates templates) {
    this.slots = slots;
    this.bookings = bookings;
    this.accounts = accounts;
    this.offers = offers;
    this.templates = templates;
  }

  /** The form on the assistant's services; slots are looked for from today in {@code clock}. */
  public static Form create(AssistantServices services, Templates templates, Clock clock) {
    return new BookAppointmentForm(
            services.slots(),
            services.bookings(),
            new AccountSlot(services.bindings(), services.accounts(), templates),
            new SlotOffers(services.slots(), templates, clock),
            templates)
        .form();
  }

  private Form form() {
    return Form.named(NAME)
        .guard(accounts::requireBound)
        .slot(
            SlotSpec.named(TYPE)
                .entity(DomainEntities.BUSINESS_TYPE)
                .prompt(templates.prompt("appointment.ask_type"))
                .retry(templates.prompt("appointment.retry_type"))
                .parser(this::serviceType)
                .choices(
                    t ->
                        slots.serviceTypes().stream()
                            .map(s -> new Choice(s.name(), s.code()))
                            .toList())
                .build())
        .slot(accounts.slot("account.which"))
        .slot(
            // never asked: remembers the day or time the customer named, to offer those first
            SlotSpec.named(WHEN)
                .entity(DateTimeExtractor.ENTITY)
                .prompt(templates.prompt("appointment.ask_type"))
                .parser(v -> SlotOffers.period(v).map(p -> v))
                .neededWhen(t -> false)
                .build())
        .slot(SlotSpec.named(SLOT).prompt(this::askSlot).choices(t -> offer(t).choices()).build())
        .slot(
            SlotSpec.named(ADDRESS)
                .entity(DomainEntities.ADDRESS)
                .prompt(templates.prompt("appointment.ask_address"))
                .retry(templates.prompt("appointment.retry_address"))
                .freeText(255)
                .parser(BookAppointmentForm::address)
                .choices(
                    t ->
                        accounts.account(t).map(Account::address).filter(a -> !a.isBlank()).stream()
                            .map(a -> new Choice(a, a))
                            .toList())
                .neededWhen(
                    t -> type(t).map(s -> s.location() == ServiceLocation.ON_SITE).orElse(false))
                .build())
        .slot(new ContactPhoneSlot(templates).slot(accounts::account))
        .confirm(templates.prompt("appointment.confirm", this::describe))
        .submit(this::book)
        .cancelled(templates.prompt("appointment.cancelled"))
        .giveUp(Assistant.giveUp(templates))
        .build();
  }

  private Event.BotUttered askSlot(Tracker tracker) {
    SlotOffers.Offer offer = offer(tracker);
    String type = type(tracker).map(ServiceType::name).orElse("");
    if (offer.choices().isEmpty()) {
      return templates.say("appointment.no_slots", Map.of("type", type));
    }
    return templates.say(
        "appointment.ask_slot", Map.of("type", type, "missed", offer.preferredMissed()));
  }

  private SlotOffers.Offer offer(Tracker tracker) {
    String area = accounts.account(tracker).map(Account::areaCode).orElse("");
    return offers.offer(tracker, tracker.slot(TYPE).orElse(""), area, WHEN, 0);
  }

  /** An answer that reads like an address: it names a road, building, village or number. */
  static Optional<String> address(String text) {
    String t = text.strip();
    boolean looksLikeAddress = ADDRESS_WORD.matcher(t).find();
    return t.length() >= 4 && t.length() <= 255 && looksLikeAddress
        ? Optional.of(t)
        : Optional.empty();
  }

  /** A catalogue code from an entity value (a business type) or a typed name or code. */
  private Optional<String> serviceType(String text) {
    String answer = text.strip();
    List<ServiceType> catalogue = slots.serviceTypes();
    Optional<String> direct =
        catalogue.stream()
            .filter(s -> s.code().equals(answer) || s.name().equals(answer))
            .map(ServiceType::code)
            .findFirst();
    if (direct.isPresent()) {
      return direct;
    }
    return BusinessType.fromCode(answer)
        .map(BookAppointmentForm::catalogueCode)
        .filter(code -> catalogue.stream().anyMatch(s -> s.code().equals(code)));
  }

  /** The bookable service a business type is done by; hall business goes to the hall. */
  static String catalogueCode(BusinessType type) {
    return switch (type) {
      case METER_INSTALL, NEW_CONNECTION -> "METER_INSTALL";
      case METER_CHECK -> "METER_CHECK";
      case METER_RELOCATE -> "METER_RELOCATE";
      case ON_SITE_CHECK, METER_REPLACE -> "ON_SITE_CHECK";
      case EV_CHARGER -> "EV_CHARGER_SURVEY";
      default -> "HALL_VISIT";
    };
  }

  private Optional<ServiceType> type(Tracker tracker) {
    return tracker
        .slot(TYPE)
        .flatMap(
            code -> slots.serviceTypes().stream().filter(s -> s.code().equals(code)).findFirst());
  }

  private Map<String, Object> describe(Tracker tracker) {
    Map<String, Object> values = new HashMap<>();
    values.put("type", type(tracker).map(ServiceType::name).orElse(""));
    values.put("slot", tracker.slot(SLOT).map(SlotOffers::slotLabel).orElse(""));
    tracker.slot(ADDRESS).ifPresent(a -> values.put("address", a));
    values.put("phone", ContactPhoneSlot.masked(tracker));
    return values;
  }

  private List<Event> book(Tracker tracker) {
    String slot = tracker.slot(SLOT).orElseThrow();
    BookingRequest request =
        new BookingRequest(
            Conversations.userOf(tracker),
            tracker.slot(AccountSlot.NAME).map(AccountNo::new).orElse(null),
            tracker.slot(TYPE).orElseThrow(),
            SlotOffers.slotId(slot),
            tracker.slot(ADDRESS).orElse(null),
            tracker.slot(ContactPhoneSlot.NAME).orElseThrow(),
            null);
    try {
      Booking booking = bookings.book(request);
      Map<String, Object> values = describe(tracker);
      values.put("no", booking.no().value());
      return List.of(templates.say("appointment.done", values));
    } catch (SlotFull | SlotNotBookable | SlotNotFound e) {
      return List.of(templates.say("appointment.slot_taken"), new Event.SlotSet(SLOT, null));
    } catch (AddressRequired e) {
      return List.of(
          templates.say("appointment.address_required"), new Event.SlotSet(ADDRESS, null));
    } catch (ServiceTypeNotFound e) {
      return List.of(templates.say("appointment.type_unavailable"));
    } catch (AccountNotFound e) {
      return List.of(templates.say("appointment.account_closed", accounts.describe(tracker)));
    }
  }
}
