package io.gridbot.dialog;

import io.gridbot.dialog.action.Action;
import io.gridbot.dialog.channel.Reply;
import io.gridbot.dialog.channel.UserMessage;
import io.gridbot.dialog.form.Form;
import io.gridbot.dialog.form.FormRunner;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Handles one customer message: one message at a time per conversation (across all instances),
 * redeliveries answered from the first computation, NLU, the active form or the intent's action,
 * tracker saved, turn journaled.
 *
 * <p>Throws {@link io.gridbot.dialog.store.LockTimeout} when the conversation stays busy longer
 * than the wait timeout and {@link io.gridbot.dialog.store.StateUnavailable} when the shared state
 * cannot be reached; channels map both to a "try again" answer.
 */
public final class MessageProcessor {

  private static final Logger log = LoggerFactory.getLogger(MessageProcessor.class);
  private static final TypeReference<List<Reply>> REPLIES = new TypeReference<>() {};

  private final NluPipeline nlu;
  private final Domain domain;
  private final TrackerStore trackers;
  private final LockStore locks;
  private final StateStore state;
  private final ConversationJournal journal;
  private final DialogSettings settings;
  private final FormRunner forms;
  private final JsonMapper json;

  public MessageProcessor(
      NluPipeline nlu,
      Domain domain,
      TrackerStore trackers,
      LockStore locks,
      StateStore state,
      ConversationJournal journal,
      DialogSettings settings,
      JsonMapper json) {
    this.nlu = Objects.requireNonNull(nlu);
    this.domain = Objects.requireNonNull(domain);
    this.trackers = Objects.requireNonNull(trackers);
    this.locks = Objects.requireNonNull(locks);
    this.state = Objects.requireNonNull(state);
    this.journal = Objects.requireNonNull(journal);
    this.settings = Objects.requireNonNull(settings);
    this.json = Objects.requireNonNull(json);
    this.forms = new FormRunner(settings.maxFormAttempts(), "deny");
  }

  /**
   * Answers {@code message}.
   *
   * @return the replies, in order; empty when there is nothing to say
   */
  public List<Reply> handle(UserMessage message) {
    ConversationId id = message.conversation();
    String replyKey =
        message.messageId() == null ? null : "reply:" + id.key() + ":" + message.messageId();
    ParseResult parse;
    List<Reply> replies;
    try (LockStore.Lease lease =
        locks.acquire("lock:" + id.key(), settings.lockLease(), settings.lockWait())) {
      if (replyKey != null) {
        Optional<String> earlier = state.get(replyKey);
        if (earlier.isPresent()) {
          log.info(
              "redelivered message {} of {} answered from its first reply",
              message.messageId(),
              id);
          return json.readValue(earlier.get(), REPLIES);
        }
      }
      parse = nlu.parse(message.text(), message.receivedAt());
      Tracker tracker =
          trackers
              .load(id)
              .orElseGet(() -> Tracker.empty(id))
              .with(List.of(uttered(message, parse)));
      try {
        tracker = respond(tracker, parse);
      } catch (StateUnavailable | LockTimeout e) {
        throw e;
      } catch (RuntimeException e) {
        // nothing is saved: the conversation stays where it was and the customer can try again
        log.error("turn of {} message {} failed", id, message.messageId(), e);
        replies = List.of(Reply.text(domain.failureText()));
        journal(message, parse, replies);
        return replies;
      }
      trackers.save(tracker);
      replies = tracker.repliesSinceLatestMessage();
      if (replyKey != null) {
        state.put(
            replyKey, json.writerFor(REPLIES).writeValueAsString(replies), settings.dedupeTtl());
      }
    }
    log.info(
        "turn of {} message {}: intent {} ({}), {} replies",
        id,
        message.messageId(),
        parse.intentName(),
        String.format("%.2f", parse.intent().confidence()),
        replies.size());
    journal(message, parse, replies);
    return replies;
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

  private Tracker respond(Tracker tracker, ParseResult parse) {
    Turn turn = new Turn(tracker);
    Optional<Form> active = tracker.activeForm().flatMap(domain::form);
    if (active.isPresent()) {
      Form form = active.get();
      FormRunner.Step step = forms.handle(form, tracker, parse, domain::interrupts);
      if (step instanceof FormRunner.Step.Events e) {
        turn.apply(e.events());
      } else if (step instanceof FormRunner.Step.Interrupted i) {
        turn.run(domain.targetOf(i.intent()).flatMap(domain::action).orElse(domain.fallback()));
        turn.apply(forms.reask(form, turn.tracker));
      }
      return turn.tracker;
    }
    Optional<String> target = domain.targetOf(parse.intentName());
    Optional<Form> form = target.flatMap(domain::form);
    if (form.isPresent()) {
      turn.count(form.get().name());
      turn.apply(forms.activate(form.get(), tracker, parse));
    } else {
      turn.run(target.flatMap(domain::action).orElse(domain.fallback()));
    }
    return turn.tracker;
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
