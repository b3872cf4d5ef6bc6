package io.gridbot.dialog;

import io.gridbot.dialog.action.Action;
import io.gridbot.dialog.channel.Reply;
import io.gridbot.dialog.channel.UserMessage;
import io.gridbot.dialog.form.Executions;
import io.gridbot.dialog.form.Form;
import io.gridbot.dialog.form.FormRunner;
import io.gridbot.dialog.form.Ordinals;
import io.gridbot.dialog.form.StateExecutions;
import io.gridbot.dialog.handoff.HandoffDesk;
import io.gridbot.dialog.nlu.Entity;
import io.gridbot.dialog.nlu.IntentRanking;
import io.gridbot.dialog.nlu.NluPipeline;
import io.gridbot.dialog.nlu.ParseResult;
import io.gridbot.dialog.policy.Domain;
import io.gridbot.dialog.store.LockStore;
import io.gridbot.dialog.store.LockTimeout;
import io.gridbot.dialog.store.StateStore;
import io.gridbot.dialog.store.StateUnavailable;
import io.gridbot.dialog.tracker.Event;
import io.gridbot.dialog.tracker.Tracker;
import io.gridbot.dialog.tracker.TrackerStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Handles one customer message: one message at a time per conversation (across all instances),
 * redeliveries answered from the first computation, NLU, the agent queue, the active form or the
 * intent's action, "did you mean" below the NLU threshold, tracker saved, turn journaled.
 *
 * <p>Throws {@link io.gridbot.dialog.store.LockTimeout} when the conversation stays busy longer
 * than the wait timeout and {@link io.gridbot.dialog.store.StateUnavailable} when the shared state
 * cannot be reached; channels map both to a "try again" answer.
 */
public final class MessageProcessor {

  /** Consecutive misunderstandings, reset by any understood message. */
  public static final String FALLBACKS_SLOT = Tracker.SESSION_PREFIX + "fallbacks";

  /** The intents offered by the latest "did you mean", comma-separated. */
  public static final String SUGGESTED_SLOT = Tracker.SESSION_PREFIX + "suggested";

  /** Entity type of a shared location, value {@code lat,lng}, text the place's label. */
  public static final String LOCATION_ENTITY = "location";

  /** Entity type of an image sent with a message, value its reference. */
  public static final String IMAGE_ENTITY = "image";

  private static final Logger log = LoggerFactory.getLogger(MessageProcessor.class);
  private static final Duration MARKER_TTL = Duration.ofDays(7);

  private final NluPipeline nlu;
  private final Domain domain;
  private final TrackerStore trackers;
  private final LockStore locks;
  private final StateStore state;
  private final ConversationJournal journal;
  private final DialogSettings settings;
  private final FormRunner forms;
  private final HandoffDesk desk;
  private final JsonMapper json;

  /** An engine whose submissions are guarded by the state store and without an agent desk. */
  public MessageProcessor(
      NluPipeline nlu,
      Domain domain,
      TrackerStore trackers,
      LockStore locks,
      StateStore state,
      ConversationJournal journal,
      DialogSettings settings,
      JsonMapper json) {
    this(
        nlu,
        domain,
        trackers,
        locks,
        state,
        journal,
        settings,
        json,
        new StateExecutions(state, json),
        new io.gridbot.dialog.handoff.InMemoryHandoffDesk());
  }

  public MessageProcessor(
      NluPipeline nlu,
      Domain domain,
      TrackerStore trackers,
      LockStore locks,
      StateStore state,
      ConversationJournal journal,
      DialogSettings settings,
      JsonMapper json,
      Executions executions,
      HandoffDesk desk) {
    this.nlu = Objects.requireNonNull(nlu);
    this.domain = Objects.requireNonNull(domain);
    this.trackers = Objects.requireNonNull(trackers);
    this.locks = Objects.requireNonNull(locks);
    this.state = Objects.requireNonNull(state);
    this.journal = Objects.requireNonNull(journal);
    this.settings = Objects.requireNonNull(settings);
    this.json = Objects.requireNonNull(json);
    this.desk = Objects.requireNonNull(desk);
    this.forms =
        new FormRunner(
            settings.maxFormAttempts(),
            domain.denyIntent(),
            domain.affirmIntent(),
            domain.confirmLabels(),
            Objects.requireNonNull(executions));
  }

  /**
   * Answers {@code message}.
   *
   * @return the replies, in order; empty when there is nothing to say
   */
  public List<Reply> handle(UserMessage message) {
    return process(message).replies();
  }

  /** Answers {@code message}, telling which templates the replies came from. */
  public TurnOutcome process(UserMessage message) {
    ConversationId id = message.conversation();
    String replyKey =
        message.messageId() == null ? null : "reply:" + id.key() + ":" + message.messageId();
    ParseResult parse;
    TurnOutcome outcome;
    try (LockStore.Lease lease =
        locks.acquire("lock:" + id.key(), settings.lockLease(), settings.lockWait())) {
      if (replyKey != null) {
        Optional<String> earlier = state.get(replyKey);
        if (earlier.isPresent()) {
          log.info(
              "redelivered message {} of {} answered from its first reply",
              message.messageId(),
              id);
          return json.readValue(earlier.get(), TurnOutcome.class);
        }
      }
      Optional<Tracker> stored = trackers.load(id);
      Optional<TurnOutcome> saved = stored.flatMap(t -> outcomeInTracker(t, message.messageId()));
      if (saved.isPresent()) {
        // the turn was saved but its reply record was not (the store failed in between)
        log.info("redelivered message {} of {} answered from its tracker", message.messageId(), id);
        return saved.get();
      }
      parse = withAttachments(nlu.parse(message.text(), message.receivedAt()), message);
      Tracker tracker =
          stored.orElseGet(() -> Tracker.empty(id)).with(List.of(uttered(message, parse)));
      try {
        tracker = respond(tracker, parse, stored.isEmpty());
      } catch (StateUnavailable | LockTimeout e) {
        throw e;
      } catch (RuntimeException e) {
        // nothing is saved: the conversation stays where it was and the customer can try again
        log.error("turn of {} message {} failed", id, message.messageId(), e);
        outcome = TurnOutcome.of(Reply.text(domain.failureText()));
        journal(message, parse, outcome.replies());
        return outcome;
      }
      trackers.save(tracker.compacted(100));
      mark(stored, tracker);
      outcome =
          new TurnOutcome(
              tracker.repliesSinceLatestMessage(), tracker.templatesSinceLatestMessage());
      if (replyKey != null) {
        state.put(replyKey, json.writeValueAsString(outcome), settings.dedupeTtl());
      }
    }
    log.info(
        "turn of {} message {}: intent {} ({}), {} replies",
        id,
        message.messageId(),
        parse.intentName(),
        String.format("%.2f", parse.intent().confidence()),
        outcome.replies().size());
    journal(message, parse, outcome.replies());
    return outcome;
  }

  /** The replies that followed message {@code messageId} in {@code tracker}, if it holds it. */
  private static Optional<TurnOutcome> outcomeInTracker(Tracker tracker, String messageId) {
    if (messageId == null) {
      return Optional.empty();
    }
    List<Event> events = tracker.events();
    for (int i = events.size() - 1; i >= 0; i--) {
      if (events.get(i) instanceof Event.UserUttered u && messageId.equals(u.messageId())) {
        List<Reply> replies = new ArrayList<>();
        List<String> templates = new ArrayList<>();
        for (int j = i + 1; j < events.size(); j++) {
          if (events.get(j) instanceof Event.UserUttered) {
            break;
          }
          if (events.get(j) instanceof Event.BotUttered b) {
            replies.add(b.reply());
            templates.add(b.template());
          }
        }
        return Optional.of(new TurnOutcome(replies, templates));
      }
    }
    return Optional.empty();
  }

  /** Remembers, beyond the tracker's life, which task the customer left unfinished. */
  private void mark(Optional<Tracker> before, Tracker after) {
    String key = "unfinished:" + after.conversation().key();
    if (after.activeForm().isPresent()) {
      if (before.flatMap(Tracker::activeForm).equals(after.activeForm())) {
        return;
      }
      state.put(key, after.activeForm().get(), MARKER_TTL);
    } else if (before.isEmpty() || before.get().activeForm().isPresent()) {
      state.delete(key);
    }
  }

  private List<Event> welcomeBack(ConversationId id) {
    Optional<String> unfinished = state.get("unfinished:" + id.key());
    if (unfinished.isEmpty() || domain.welcomeBack().isEmpty()) {
      return List.of();
    }
    return List.of(domain.welcomeBack().get().apply(unfinished.get()));
  }

  private void journal(UserMessage message, ParseResult parse, List<Reply> replies) {
    try {
      journal.record(message, parse, replies);
    } catch (RuntimeException e) {
      // the customer still gets the answer; the log line keeps the turn's ids for recovery
      log.error(
          "could not journal turn of {} message {}: {}",
          message.conversation(),
          message.messageId(),
          e.toString());
    }
  }

  /**
   * @param fresh whether the conversation had expired (or never existed) before this message
   */
  private Tracker respond(Tracker tracker, ParseResult parse, boolean fresh) {
    HandoffDesk.Status status = desk.status(tracker.conversation());
    if (status == HandoffDesk.Status.HELD) {
      return tracker; // the agent answers; the message reaches them through the journal
    }
    if (fresh) {
      tracker = tracker.with(welcomeBack(tracker.conversation()));
    }
    Turn turn = new Turn(tracker);
    if (status == HandoffDesk.Status.QUEUED
        && parse.intentName().equals(domain.denyIntent())
        && tracker.activeForm().isEmpty()) {
      desk.leave(tracker.conversation());
      domain.handoffLeft().ifPresent(p -> turn.apply(List.of(p.say(turn.tracker))));
      return turn.tracker;
    }
    Optional<Form> active = tracker.activeForm().flatMap(domain::form);
    if (active.isPresent()) {
      Form form = active.get();
      FormRunner.Step step =
          forms.handle(
              form,
              tracker,
              parse,
              intent ->
                  domain.interrupts(intent)
                      && !domain.targetOf(intent).equals(Optional.of(form.name())));
      if (step instanceof FormRunner.Step.Events e) {
        turn.apply(e.events());
      } else if (step instanceof FormRunner.Step.Interrupted i) {
        turn.run(domain.targetOf(i.intent()).flatMap(domain::action).orElse(domain.fallback()));
        if (turn.tracker.activeForm().isPresent()) {
          turn.apply(forms.reask(form, turn.tracker));
        }
      }
    } else {
      dispatch(turn, suggestionTaken(tracker, parse).orElse(parse));
    }
    enqueueHandoffs(tracker, turn.tracker, parse);
    return turn.tracker;
  }

  private void dispatch(Turn turn, ParseResult parse) {
    Optional<String> target = domain.targetOf(parse.intentName());
    if (target.isEmpty()) {
      misunderstood(turn, parse);
      return;
    }
    List<Event> reset = new ArrayList<>();
    if (turn.tracker.slot(FALLBACKS_SLOT).isPresent()) {
      reset.add(new Event.SlotSet(FALLBACKS_SLOT, null));
    }
    if (turn.tracker.slot(SUGGESTED_SLOT).isPresent()) {
      reset.add(new Event.SlotSet(SUGGESTED_SLOT, null));
    }
    turn.apply(reset);
    Optional<Form> form = target.flatMap(domain::form);
    if (form.isPresent()) {
      turn.count(form.get().name());
      turn.apply(forms.activate(form.get(), turn.tracker, parse));
    } else {
      turn.run(target.flatMap(domain::action).orElse(domain.fallback()));
    }
  }

  /** Below the threshold: "did you mean" the top two; the second time in a row, offer a human. */
  private void misunderstood(Turn turn, ParseResult parse) {
    int times = turn.tracker.slot(FALLBACKS_SLOT).map(Integer::parseInt).orElse(0) + 1;
    if (times >= 2 && domain.offerHuman().isPresent()) {
      turn.count("offer_human");
      turn.apply(
          List.of(
              new Event.SlotSet(FALLBACKS_SLOT, null),
              new Event.SlotSet(SUGGESTED_SLOT, null),
              domain.offerHuman().get().say(turn.tracker)));
      return;
    }
    List<String> candidates =
        parse.ranking().stream()
            .map(IntentRanking::intent)
            .filter(i -> domain.intentLabel(i).isPresent() && domain.targetOf(i).isPresent())
            .limit(2)
            .toList();
    turn.apply(List.of(new Event.SlotSet(FALLBACKS_SLOT, Integer.toString(times))));
    if (candidates.isEmpty() || domain.didYouMean().isEmpty()) {
      turn.run(domain.fallback());
      return;
    }
    turn.count("did_you_mean");
    List<String> labels =
        candidates.stream().map(i -> domain.intentLabel(i).orElseThrow()).toList();
    Event.BotUttered asked = domain.didYouMean().get().apply(labels);
    turn.apply(
        List.of(
            new Event.SlotSet(SUGGESTED_SLOT, String.join(",", candidates)),
            new Event.BotUttered(Reply.options(asked.reply().asText(), labels), asked.template())));
  }

  /**
   * When the previous turn asked "did you mean" and this message picks an option, the earlier
   * message is handled again as the picked intent (with its entities: "帮我交100" keeps the amount).
   */
  private Optional<ParseResult> suggestionTaken(Tracker tracker, ParseResult parse) {
    Optional<String> suggested = tracker.slot(SUGGESTED_SLOT);
    if (suggested.isEmpty()) {
      return Optional.empty();
    }
    String[] intents = suggested.get().split(",");
    OptionalInt pick = Ordinals.pick(parse.text(), intents.length);
    Optional<String> chosen =
        pick.isPresent()
            ? Optional.of(intents[pick.getAsInt() - 1])
            : domain.intentOfLabel(parse.text().strip());
    if (chosen.isEmpty()) {
      return Optional.empty();
    }
    Optional<Event.UserUttered> earlier = previousMessage(tracker);
    String text = earlier.map(Event.UserUttered::text).orElse(parse.text());
    List<Entity> entities = earlier.map(Event.UserUttered::entities).orElse(List.of());
    IntentRanking ranking = new IntentRanking(chosen.get(), 1.0);
    return Optional.of(new ParseResult(text, ranking, List.of(ranking), entities));
  }

  private static Optional<Event.UserUttered> previousMessage(Tracker tracker) {
    boolean seenLatest = false;
    List<Event> events = tracker.events();
    for (int i = events.size() - 1; i >= 0; i--) {
      if (events.get(i) instanceof Event.UserUttered u) {
        if (seenLatest) {
          return Optional.of(u);
        }
        seenLatest = true;
      }
    }
    return Optional.empty();
  }

  private void enqueueHandoffs(Tracker before, Tracker after, ParseResult parse) {
    List<Event> events = after.events();
    for (int i = before.events().size(); i < events.size(); i++) {
      if (events.get(i) instanceof Event.HandoffRequested h) {
        desk.enqueue(after.conversation(), h.reason(), parse.text());
        return;
      }
    }
  }

  /** Shared locations and images become entities that forms can take. */
  private static ParseResult withAttachments(ParseResult parse, UserMessage message) {
    if (message.location() == null && message.images().isEmpty()) {
      return parse;
    }
    List<Entity> entities = new ArrayList<>(parse.entities());
    if (message.location() != null) {
      String label = message.location().label() == null ? "" : message.location().label();
      entities.add(new Entity(LOCATION_ENTITY, message.location().coordinates(), 0, 0, label));
    }
    for (String image : message.images()) {
      entities.add(new Entity(IMAGE_ENTITY, image, 0, 0, ""));
    }
    return new ParseResult(parse.text(), parse.intent(), parse.ranking(), entities);
  }

  private static Event.UserUttered uttered(UserMessage message, ParseResult parse) {
    return new Event.UserUttered(
        message.text(),
        message.messageId(),
        parse.intentName(),
        parse.intent().confidence(),
        parse.entities(),
        message.receivedAt());
  }

  /** The actions of one turn, within the per-turn cap. */
  private final class Turn {
    private Tracker tracker;
    private int actions;

    Turn(Tracker tracker) {
      this.tracker = tracker;
    }

    void run(Action action) {
      count(action.name());
      List<Event> events = new ArrayList<>();
      events.add(new Event.ActionExecuted(action.name()));
      events.addAll(action.run(tracker));
      apply(events);
    }

    void count(String name) {
      if (++actions > settings.maxActionsPerTurn()) {
        throw new IllegalStateException(
            "more than " + settings.maxActionsPerTurn() + " actions in one turn, at " + name);
      }
    }

    void apply(List<Event> events) {
      tracker = tracker.with(events);
    }
  }
}
