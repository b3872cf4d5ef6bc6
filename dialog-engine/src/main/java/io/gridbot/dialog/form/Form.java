package io.gridbot.dialog.form;

import io.gridbot.dialog.tracker.Event;
import io.gridbot.dialog.tracker.Tracker;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A task that collects slots over several turns, optionally asks the customer to confirm, then
 * submits once.
 *
 * @param name unique form name, e.g. {@code bind_account_form}
 * @param slots the slots, asked in order (those not {@link SlotSpec#isNeeded needed} are skipped)
 * @param confirmation shows what will be done and asks to confirm, or null to submit without
 *     asking; every task that changes something has one
 * @param submit runs once every slot is filled (and confirmed); receives a tracker holding all slot
 *     values and returns the events of the outcome (the form is deactivated afterwards). Runs under
 *     an idempotency key: a retried confirmation gets the first outcome, the task is not repeated
 * @param cancelled said when the customer cancels the form
 * @param giveUp said after too many failed answers (offering a human agent)
 */
public record Form(
    String name,
    List<SlotSpec> slots,
    Prompt confirmation,
    Function<Tracker, List<Event>> submit,
    Prompt cancelled,
    Prompt giveUp) {

  public Form {
    Objects.requireNonNull(name, "name");
    slots = List.copyOf(slots);
    Objects.requireNonNull(submit, "submit");
    Objects.requireNonNull(cancelled, "cancelled");
    Objects.requireNonNull(giveUp, "giveUp");
    if (slots.isEmpty()) {
      throw new IllegalArgumentException("a form needs at least one slot: " + name);
    }
    if (slots.stream().map(SlotSpec::name).distinct().count() != slots.size()) {
      throw new IllegalArgumentException("slot names repeat in form " + name);
    }
  }

  /** The slot of this form named {@code name}. */
  public java.util.Optional<SlotSpec> slot(String name) {
    return slots.stream().filter(s -> s.name().equals(name)).findFirst();
  }
}
