package io.gridbot.dialog.form;

import io.gridbot.dialog.channel.Reply;
import io.gridbot.dialog.nlu.ParseResult;
import io.gridbot.dialog.tracker.Event;
import io.gridbot.dialog.tracker.Tracker;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Drives forms: fills slots from entities and answers (also by picking an offered option), asks for
 * what is missing, re-prompts on bad answers (at most {@code maxAttempts}), cancels on a denial,
 * asks for confirmation and submits once under the form run's idempotency key.
 */
public final class FormRunner {

  /** Counts failed answers to the current question. */
  public static final String ATTEMPTS_SLOT = "form_attempts";

  /** The options offered with the current question, as label/value pairs. */
  public static final String CHOICES_SLOT = "form_choices";

  /** The value of {@link Tracker#REQUESTED_SLOT} while the form waits for a confirmation. */
  public static final String CONFIRMATION = "form_confirmation";

  private static final String PAIR = "\u001e";
  private static final String FIELD = "\u001f";

  private final int maxAttempts;
  private final String denyIntent;
  private final String affirmIntent;
  private final List<String> confirmLabels;
  private final Executions executions;

  /**
   * @param maxAttempts failed answers to one question before the form gives up
   * @param denyIntent the intent that cancels a form, e.g. {@code deny}
   * @param affirmIntent the intent that confirms, e.g. {@code affirm}
   * @param confirmLabels the two options of a confirmation: confirm, cancel
   * @param executions runs submissions once per form run
   */
  public FormRunner(
      int maxAttempts,
      String denyIntent,
      String affirmIntent,
      List<String> confirmLabels,
      Executions executions) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be positive");
    }
    this.maxAttempts = maxAttempts;
    this.denyIntent = Objects.requireNonNull(denyIntent);
    this.affirmIntent = Objects.requireNonNull(affirmIntent);
    this.confirmLabels = List.copyOf(confirmLabels);
    if (this.confirmLabels.size() != 2) {
      throw new IllegalArgumentException("a confirmation has two options: confirm and cancel");
    }
    this.executions = Objects.requireNonNull(executions);
  }

  /** The outcome of a turn inside a form. */
  public sealed interface Step {
    /** Events to apply; the turn is done. */
    record Events(List<Event> events) implements Step {}

    /** The message is about something else: answer that intent, then re-ask with {@link #reask}. */
    record Interrupted(String intent) implements Step {}
  }

  /** Starts {@code form}: fills what the triggering message already says and asks for the rest. */
  public List<Event> activate(Form form, Tracker tracker, ParseResult parse) {
    if (form.guard() != null) {
      List<Event> refused = form.guard().apply(tracker);
      if (!refused.isEmpty()) {
        return refused;
      }
    }
    List<Event> events = new ArrayList<>();
    events.add(new Event.FormActivated(form.name(), UUID.randomUUID().toString()));
    Tracker current = tracker.with(events);
    List<Event> filled = fillFromEntities(form, current, parse, false);
    events.addAll(filled);
    events.addAll(next(form, current.with(filled)));
    return events;
  }

  /**
   * Handles a message while {@code form} is active.
   *
   * @param interrupts which other intents may interrupt the form to be answered on the side
   */
  public Step handle(Form form, Tracker tracker, ParseResult parse, Predicate<String> interrupts) {
    String requestedName = tracker.slot(Tracker.REQUESTED_SLOT).orElse(null);
    if (CONFIRMATION.equals(requestedName) && form.confirmation() != null) {
      return confirming(form, tracker, parse, interrupts);
    }
    Optional<SlotSpec> requested = Optional.ofNullable(requestedName).flatMap(form::slot);
    List<Event> events = new ArrayList<>();
    Optional<String> picked = picked(tracker, parse.text());
    boolean isDeny = parse.intentName().equals(denyIntent);
    if (requested.isPresent() && picked.isPresent()) {
      events.add(new Event.SlotSet(requested.get().name(), picked.get()));
    } else if (isDeny && !hasEntityFor(form, parse)) {
      return cancel(form, tracker);
    } else if (requested.isPresent()) {
      SlotSpec spec = requested.get();
      boolean otherQuestion =
          spec.freeText()
              && interrupts.test(parse.intentName())
              && (spec.entity() == null || parse.entity(spec.entity()).isEmpty());
      if (otherQuestion) {
        return new Step.Interrupted(parse.intentName());
      }
      answer(spec, tracker, parse).ifPresent(v -> events.add(new Event.SlotSet(spec.name(), v)));
    }
    Tracker withAnswer = tracker.with(events);
    events.addAll(fillFromEntities(form, withAnswer, parse, false));
    if (!events.isEmpty()) {
      events.add(new Event.SlotSet(ATTEMPTS_SLOT, null));
      events.add(new Event.SlotSet(CHOICES_SLOT, null));
      events.addAll(next(form, tracker.with(events)));
      return new Step.Events(events);
    }
    if (interrupts.test(parse.intentName())) {
      return new Step.Interrupted(parse.intentName());
    }
    return failed(
        form,
        tracker,
        requested.map(s -> ask(s, tracker, s.retryPrompt())).orElseGet(() -> next(form, tracker)));
  }

  private Step confirming(
      Form form, Tracker tracker, ParseResult parse, Predicate<String> interrupts) {
    OptionalInt pick = Ordinals.pick(parse.text(), 2);
    String text = parse.text().strip();
    boolean yes =
        (pick.isPresent() && pick.getAsInt() == 1)
            || text.equals(confirmLabels.get(0))
            || (parse.intentName().equals(affirmIntent) && !hasEntityFor(form, parse));
    boolean no =
        (pick.isPresent() && pick.getAsInt() == 2)
            || text.equals(confirmLabels.get(1))
            || parse.intentName().equals(denyIntent);
    if (yes && !no) {
      return new Step.Events(submit(form, tracker));
    }
    if (no && !hasEntityFor(form, parse)) {
      return cancel(form, tracker);
    }
    List<Event> corrections = fillFromEntities(form, tracker, parse, true);
    if (!corrections.isEmpty()) {
      List<Event> events = new ArrayList<>(corrections);
      events.add(new Event.SlotSet(ATTEMPTS_SLOT, null));
      events.addAll(next(form, tracker.with(corrections)));
      return new Step.Events(events);
    }
    if (interrupts.test(parse.intentName())) {
      return new Step.Interrupted(parse.intentName());
    }
    return failed(form, tracker, confirmation(form, tracker));
  }

  private Step failed(Form form, Tracker tracker, List<Event> retry) {
    int attempts = tracker.slot(ATTEMPTS_SLOT).map(Integer::parseInt).orElse(0) + 1;
    if (attempts >= maxAttempts) {
      return new Step.Events(List.of(new Event.FormDeactivated(), form.giveUp().say(tracker)));
    }
    List<Event> events = new ArrayList<>();
    events.add(new Event.SlotSet(ATTEMPTS_SLOT, Integer.toString(attempts)));
    events.addAll(retry);
    return new Step.Events(events);
  }

  private static Step cancel(Form form, Tracker tracker) {
    return new Step.Events(List.of(new Event.FormDeactivated(), form.cancelled().say(tracker)));
  }

  /** Asks again for what the form is waiting for, after an interruption was answered. */
  public List<Event> reask(Form form, Tracker tracker) {
    String requested = tracker.slot(Tracker.REQUESTED_SLOT).orElse(null);
    if (CONFIRMATION.equals(requested) && form.confirmation() != null) {
      return confirmation(form, tracker);
    }
    return Optional.ofNullable(requested)
        .flatMap(form::slot)
        .map(s -> ask(s, tracker, s.prompt()))
        .orElseGet(() -> next(form, tracker));
  }

  private List<Event> next(Form form, Tracker tracker) {
    List<Event> events = new ArrayList<>();
    Tracker current = tracker;
    for (SlotSpec spec : form.slots()) {
      if (!spec.isNeeded(current) || current.slot(spec.name()).isPresent()) {
        continue;
      }
      Optional<String> prefilled =
          spec.prefill() == null ? Optional.empty() : spec.prefill().apply(current);
      if (prefilled.isPresent()) {
        Event set = new Event.SlotSet(spec.name(), prefilled.get());
        events.add(set);
        current = current.with(List.of(set));
        continue;
      }
      events.addAll(ask(spec, current, spec.prompt()));
      return events;
    }
    if (form.confirmation() != null) {
      events.addAll(confirmation(form, current));
      return events;
    }
    events.addAll(submit(form, current));
    return events;
  }

  private List<Event> confirmation(Form form, Tracker tracker) {
    Event.BotUttered said = form.confirmation().say(tracker);
    Reply reply =
        said.reply() instanceof Reply.Options
            ? said.reply()
            : Reply.options(said.reply().asText(), confirmLabels);
    return List.of(
        new Event.SlotSet(Tracker.REQUESTED_SLOT, CONFIRMATION),
        new Event.BotUttered(reply, said.template()));
  }

  private List<Event> submit(Form form, Tracker tracker) {
    String run =
        tracker
            .activeFormId()
            .or(() -> tracker.latestMessage().map(Event.UserUttered::messageId))
            .orElseGet(() -> UUID.randomUUID().toString());
    String key = form.name() + ":" + tracker.conversation().key() + ":" + run;
    if (key.length() > 128) {
      key =
          form.name()
              + ":"
              + UUID.nameUUIDFromBytes(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    List<Event> outcome = executions.once(key, () -> form.submit().apply(tracker));
    List<Event> events = new ArrayList<>(outcome);
    events.add(new Event.FormDeactivated());
    List<String> cleared =
        outcome.stream()
            .filter(e -> e instanceof Event.SlotSet s && s.value() == null)
            .map(e -> ((Event.SlotSet) e).name())
            .filter(name -> form.slot(name).isPresent())
            .toList();
    if (cleared.isEmpty()) {
      return events;
    }
    // the submission refused some answers (e.g. a slot taken meanwhile): a new run of the form
    // keeps the other answers and asks again for the refused ones
    events.add(new Event.FormActivated(form.name(), UUID.randomUUID().toString()));
    for (SlotSpec spec : form.slots()) {
      if (!cleared.contains(spec.name())) {
        tracker.slot(spec.name()).ifPresent(v -> events.add(new Event.SlotSet(spec.name(), v)));
      }
    }
    events.addAll(next(form, tracker.with(events)));
    return events;
  }

  private static List<Event> ask(SlotSpec spec, Tracker tracker, Prompt prompt) {
    List<Event> events = new ArrayList<>();
    events.add(new Event.SlotSet(Tracker.REQUESTED_SLOT, spec.name()));
    Event.BotUttered said = prompt.say(tracker);
    List<Choice> choices = spec.choices() == null ? List.of() : spec.choices().apply(tracker);
    if (choices.isEmpty()) {
      events.add(new Event.SlotSet(CHOICES_SLOT, null));
      events.add(said);
      return events;
    }
    StringBuilder stored = new StringBuilder();
    for (Choice c : choices) {
      if (stored.length() > 0) {
        stored.append(PAIR);
      }
      stored.append(c.label()).append(FIELD).append(c.value());
    }
    events.add(new Event.SlotSet(CHOICES_SLOT, stored.toString()));
    events.add(
        new Event.BotUttered(
            Reply.options(said.reply().asText(), choices.stream().map(Choice::label).toList()),
            said.template()));
    return events;
  }

  /** The value of the offered option the answer picks, by number, ordinal or label. */
  private static Optional<String> picked(Tracker tracker, String text) {
    Optional<String> stored = tracker.slot(CHOICES_SLOT);
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    String[] pairs = stored.get().split(PAIR);
    OptionalInt pick = Ordinals.pick(text, pairs.length);
    if (pick.isPresent()) {
      return Optional.of(pairs[pick.getAsInt() - 1].split(FIELD, 2)[1]);
    }
    String answer = text.strip();
    for (String pair : pairs) {
      String[] lv = pair.split(FIELD, 2);
      if (lv[0].equals(answer)) {
        return Optional.of(lv[1]);
      }
    }
    return Optional.empty();
  }

  private static boolean hasEntityFor(Form form, ParseResult parse) {
    return form.slots().stream()
        .anyMatch(s -> s.entity() != null && parse.entity(s.entity()).isPresent());
  }

  private static List<Event> fillFromEntities(
      Form form, Tracker tracker, ParseResult parse, boolean overwrite) {
    List<Event> events = new ArrayList<>();
    Tracker current = tracker;
    for (SlotSpec spec : form.slots()) {
      if (spec.entity() == null || (!overwrite && current.slot(spec.name()).isPresent())) {
        continue;
      }
      Optional<String> value =
          parse.entity(spec.entity()).flatMap(e -> spec.parser().apply(tracker, e.value()));
      if (value.isPresent() && !value.equals(current.slot(spec.name()))) {
        Event set = new Event.SlotSet(spec.name(), value.get());
        events.add(set);
        current = current.with(List.of(set));
      }
    }
    return events;
  }

  private static Optional<String> answer(SlotSpec spec, Tracker tracker, ParseResult parse) {
    if (spec.entity() != null) {
      Optional<String> fromEntity =
          parse.entity(spec.entity()).flatMap(e -> spec.parser().apply(tracker, e.value()));
      if (fromEntity.isPresent()) {
        return fromEntity;
      }
    }
    return spec.parser().apply(tracker, parse.text());
  }
}
