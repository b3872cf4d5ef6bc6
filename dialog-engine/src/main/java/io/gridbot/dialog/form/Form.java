package io.gridbot.dialog.form;

import io.gridbot.dialog.tracker.Event;
import io.gridbot.dialog.tracker.Tracker;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A task that collects slots over several turns, then submits.
 *
 * @param name unique form name, e.g. {@code bind_account_form}
 * @param slots the required slots, asked in order
 * @param submit runs once every slot is filled; receives a tracker holding all slot values and
 *     returns the events of the outcome (the form is deactivated afterwards)
 * @param cancelledText said when the customer cancels the form
 * @param giveUpText said after too many failed answers (offering a human agent)
 */
public record Form(
    String name,
    List<SlotSpec> slots,
    Function<Tracker, List<Event>> submit,
    String cancelledText,
    String giveUpText) {

  public Form {
    Objects.requireNonNull(name, "name");
    slots = List.copyOf(slots);
    Objects.requireNonNull(submit, "submit");
    Objects.requireNonNull(cancelledText, "cancelledText");
    Objects.requireNonNull(giveUpText, "giveUpText");
    if (slots.isEmpty()) {
      throw new IllegalArgumentException("a form needs at least one slot: " + name);
    }
  }
}
