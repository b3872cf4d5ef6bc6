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
 *     an idempotency key: a retried confirmation gets the first outcome, the task is not repeated.
 *     An outcome that clears slots of the form ({@code SlotSet(name, null)}, e.g. a time slot taken
 *     meanwhile) reopens it: a new run keeps the other answers and asks for the cleared ones
 * @param cancelled said when the customer cancels the form
 * @param giveUp said after too many failed answers (offering a human agent)
 * @param guard runs before the form starts; non-empty events refuse to start it and are said
 *     instead (e.g. "bind an account first"); null for none
 */
public record Form(
    String name,
    List<SlotSpec> slots,
    Prompt confirmation,
    Function<Tracker, List<Event>> submit,
    Prompt cancelled,
    Prompt giveUp,
    Function<Tracker, List<Event>> guard) {

  /** A form without a guard. */
  public Form(
      String name,
      List<SlotSpec> slots,
      Prompt confirmation,
      Function<Tracker, List<Event>> submit,
      Prompt cancelled,
      Prompt giveUp) {
    this(name, slots, confirmation, submit, cancelled, giveUp, null);
  }

  /** Starts a form; see the components for what each part does. */
  public static Builder named(String name) {
    return new Builder(name);
  }

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

  /** Builds a {@link Form}. */
  public static final class Builder {
    private final String name;
    private final List<SlotSpec> slots = new java.util.ArrayList<>();
    private Prompt confirmation;
    private Function<Tracker, List<Event>> submit;
    private Prompt cancelled;
    private Prompt giveUp;
    private Function<Tracker, List<Event>> guard;

    private Builder(String name) {
      this.name = name;
    }

    public Builder slot(SlotSpec slot) {
      slots.add(slot);
      return this;
    }

    /** Shows what will be done and asks to confirm before {@link #submit}. */
    public Builder confirm(Prompt confirmation) {
      this.confirmation = confirmation;
      return this;
    }

    public Builder submit(Function<Tracker, List<Event>> submit) {
      this.submit = submit;
      return this;
    }

    public Builder cancelled(Prompt cancelled) {
      this.cancelled = cancelled;
      return this;
    }

    public Builder giveUp(Prompt giveUp) {
      this.giveUp = giveUp;
      return this;
    }

    /** Refuses to start (saying the returned events) when they are not empty. */
    public Builder guard(Function<Tracker, List<Event>> guard) {
      this.guard = guard;
      return this;
    }

    public Form build() {
      return new Form(name, slots, confirmation, submit, cancelled, giveUp, guard);
    }
  }
}
