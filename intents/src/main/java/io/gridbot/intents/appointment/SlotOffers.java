package io.gridbot.intents.appointment;

import io.gridbot.dialog.form.Choice;
import io.gridbot.dialog.nlu.entity.DateTimeExtractor;
import io.gridbot.dialog.tracker.Tracker;
import io.gridbot.intents.Templates;
import io.gridbot.service.appointment.ServiceTypeNotFound;
import io.gridbot.service.appointment.Slot;
import io.gridbot.service.appointment.SlotService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The free slots offered to a customer: the nearest few, those at the time the customer named
 * first. Offered as choices whose value is {@code <slot id>|<label>}, so that the confirmation can
 * show the time without asking the service again.
 */
public final class SlotOffers {

  /** How many slots are offered at once. */
  public static final int OFFERED = 4;

  /** How many days ahead slots are looked for. */
  static final int DAYS = 14;

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private final SlotService slots;
  private final Templates templates;
  private final Clock clock;

  public SlotOffers(SlotService slots, Templates templates, Clock clock) {
    this.slots = slots;
    this.templates = templates;
    this.clock = clock;
  }

  /** What is offered, and whether it honours the time the customer named. */
  public record Offer(List<Choice> choices, boolean preferredMissed) {}

  /**
   * Free slots of {@code serviceType} in {@code areaCode}, at the time named in the latest message
   * or else in {@code preferredSlot}, first.
   *
   * @param excludedSlotId a slot not to offer (the one a booking holds), or 0
   */
  public Offer offer(
      Tracker tracker,
      String serviceType,
      String areaCode,
      String preferredSlot,
      long excludedSlotId) {
    Optional<LocalDateTime[]> preferred =
        latestDateTime(tracker).or(() -> tracker.slot(preferredSlot)).flatMap(SlotOffers::period);
    LocalDate today = LocalDate.now(clock.withZone(ZONE));
    LocalDate from =
        preferred.map(p -> p[0].toLocalDate()).filter(d -> d.isAfter(today)).orElse(today);
    List<Slot> free = free(serviceType, areaCode, from);
    if (free.isEmpty() && from.isAfter(today)) {
      free = free(serviceType, areaCode, today);
    }
    free = free.stream().filter(s -> s.id() != excludedSlotId && s.free() > 0).toList();
    List<Slot> ordered = new ArrayList<>();
    if (preferred.isPresent()) {
      LocalDateTime[] p = preferred.get();
      free.stream().filter(s -> overlaps(s, p)).forEach(ordered::add);
    }
    boolean missed = preferred.isPresent() && ordered.isEmpty();
    free.stream().filter(s -> !ordered.contains(s)).forEach(ordered::add);
    List<Choice> choices =
        ordered.stream()
            .limit(OFFERED)
            .map(s -> new Choice(label(s), s.id() + "|" + label(s)))
            .toList();
    return new Offer(choices, missed && !choices.isEmpty());
  }

  /** The slot id of an offered choice's value. */
  public static long slotId(String value) {
    return Long.parseLong(value.substring(0, value.indexOf('|')));
  }

  /** The label of an offered choice's value: 11月28日（周六）上午 9:00-11:00 城西营业厅. */
  public static String slotLabel(String value) {
    return value.substring(value.indexOf('|') + 1);
  }

  /** A slot as customers read it: 11月28日（周六）上午 9:00-11:00 城西营业厅. */
  public String label(Slot slot) {
    int hour = slot.start().getHour();
    String part = hour < 12 ? "am" : hour < 18 ? "pm" : "evening";
    return templates.render(
        "slot.label",
        Map.of(
            "month", slot.date().getMonthValue(),
            "day", slot.date().getDayOfMonth(),
            "weekday", templates.render("slot.weekday." + slot.date().getDayOfWeek().getValue()),
            "part", templates.render("slot.part." + part),
            "start", time(slot.start()),
            "end", time(slot.end()),
            "point", slot.servicePointName()));
  }

  private static String time(java.time.LocalTime t) {
    return t.getHour() + ":" + String.format("%02d", t.getMinute());
  }

  private List<Slot> free(String serviceType, String areaCode, LocalDate from) {
    try {
      return slots.freeSlots(serviceType, areaCode, from, DAYS);
    } catch (ServiceTypeNotFound e) {
      return List.of();
    }
  }

  private static Optional<String> latestDateTime(Tracker tracker) {
    return tracker.latestMessage().stream()
        .flatMap(m -> m.entities().stream())
        .filter(e -> e.name().equals(DateTimeExtractor.ENTITY))
        .map(e -> e.value())
        .findFirst();
  }

  /** A datetime entity's value as a local [start, end) period; a moment lasts a minute. */
  static Optional<LocalDateTime[]> period(String value) {
    try {
      String[] parts = value.split("/");
      LocalDateTime start = local(parts[0]);
      LocalDateTime end = parts.length > 1 ? local(parts[1]) : start.plusMinutes(1);
      return Optional.of(new LocalDateTime[] {start, end});
    } catch (DateTimeParseException | ArrayIndexOutOfBoundsException e) {
      return Optional.empty();
    }
  }

  private static LocalDateTime local(String iso) {
    return OffsetDateTime.parse(iso).atZoneSameInstant(ZONE).toLocalDateTime();
  }

  private static boolean overlaps(Slot s, LocalDateTime[] p) {
    LocalDateTime start = s.date().atTime(s.start());
    LocalDateTime end = s.date().atTime(s.end());
    return start.isBefore(p[1]) && end.isAfter(p[0]);
  }
}
