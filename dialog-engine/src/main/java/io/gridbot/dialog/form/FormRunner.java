package io.gridbot.dialog.form;

import io.gridbot.dialog.channel.Reply;
import io.gridbot.dialog.nlu.ParseResult;
import io.gridbot.dialog.tracker.Event;
import io.gridbot.dialog.tracker.Tracker;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Drives forms: fills slots from entities and answers, asks for what is missing, re-prompts on bad
 * answers (at most {@code maxAttempts}), cancels on a denial and submits when complete.
 */
public final class FormRunner {

  /** Counts failed answers to the current question. */
  public static final String ATTEMPTS_SLOT = "form_attempts";

  private final int maxAttempts;
  private final String denyIntent;

  /**
   * @param maxAttempts failed answers to one question before the form gives up
   * @param denyIntent the intent that cancels a form, e.g. {@code deny}
   */
  public FormRunner(int maxAttempts, String denyIntent) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be positive");
    }
    this.maxAttempts = maxAttempts;
    this.denyIntent = denyIntent;
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
    List<Event> events = new ArrayList<>();
    events.add(new Event.FormActivated(form.name()));
    Tracker current = tracker.with(events);
    List<Event> filled = fillFromEntities(form, current, parse);
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
    List<Event> events = new ArrayList<>();
    Optional<SlotSpec> requested =
        tracker.slot(Tracker.REQUESTED_SLOT).flatMap(name -> slot(form, name));
    if (requested.isPresent()) {
      answer(requested.get(), parse)
          .ifPresent(v -> events.add(new Event.SlotSet(requested.get().name(), v)));
    }
    Tracker withAnswer = tracker.with(events);
    events.addAll(fillFromEntities(form, withAnswer, parse));
    if (!events.isEmpty()) {
      events.add(new Event.SlotSet(ATTEMPTS_SLOT, null));
      events.addAll(next(form, tracker.with(events)));
      return new Step.Events(events);
    }
    if (parse.intentName().equals(denyIntent)) {
      return new Step.Events(
          List.of(
              new Event.FormDeactivated(), new Event.BotUttered(Reply.text(form.cancelledText()))));
    }
    if (interrupts.test(parse.intentName())) {
      return new Step.Interrupted(parse.intentName());
    }
    int attempts = tracker.slot(ATTEMPTS_SLOT).map(Integer::parseInt).orElse(0) + 1;
    if (attempts >= maxAttempts) {
      return new Step.Events(
          List.of(
              new Event.FormDeactivated(), new Event.BotUttered(Reply.text(form.giveUpText()))));
    }
    String retry = requested.map(SlotSpec::retryPrompt).orElse(form.slots().get(0).prompt());
    return new Step.Events(
        List.of(
            new Event.SlotSet(ATTEMPTS_SLOT, Integer.toString(attempts)),
            new Event.BotUttered(Reply.text(retry))));
  }

  /** Asks again for the slot the form is waiting for, after an interruption was answered. */
  public List<Event> reask(Form form, Tracker tracker) {
    return tracker
        .slot(Tracker.REQUESTED_SLOT)
        .flatMap(name -> slot(form, name))
        .<List<Event>>map(s -> List.of(new Event.BotUttered(Reply.text(s.prompt()))))
        .orElseGet(() -> next(form, tracker));
  }

  private List<Event> next(Form form, Tracker tracker) {
    for (SlotSpec spec : form.slots()) {
      if (tracker.slot(spec.name()).isEmpty()) {
        return List.of(
            new Event.SlotSet(Tracker.REQUESTED_SLOT, spec.name()),
            new Event.BotUttered(Reply.text(spec.prompt())));
      }
    }
    List<Event> events = new ArrayList<>(form.submit().apply(tracker));
    events.add(new Event.FormDeactivated());
    return events;
  }

  private static List<Event> fillFromEntities(Form form, Tracker tracker, ParseResult parse) {
    List<Event> events = new ArrayList<>();
    for (SlotSpec spec : form.slots()) {
      if (spec.entity() == null || tracker.slot(spec.name()).isPresent()) {
        continue;
      }
      parse
          .entity(spec.entity())
          .flatMap(e -> spec.parser().apply(e.value()))
          .ifPresent(v -> events.add(new Event.SlotSet(spec.name(), v)));
    }
    return events;
  }

  private static Optional<String> answer(SlotSpec spec, ParseResult parse) {
    if (spec.entity() != null) {
      Optional<String> fromEntity =
          parse.entity(spec.entity()).flatMap(e -> spec.parser().apply(e.value()));
      if (fromEntity.isPresent()) {
        return fromEntity;
      }
    }
    return spec.parser().apply(parse.text());
  }

  private static Optional<SlotSpec> slot(Form form, String name) {
    return form.slots().stream().filter(s -> s.name().equals(name)).findFirst();
  }
}
