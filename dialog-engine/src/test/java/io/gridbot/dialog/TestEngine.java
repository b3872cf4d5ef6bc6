package io.gridbot.dialog;

import io.gridbot.dialog.channel.Reply;
import io.gridbot.dialog.channel.UserMessage;
import io.gridbot.dialog.form.Executions;
import io.gridbot.dialog.form.Prompt;
import io.gridbot.dialog.form.StateExecutions;
import io.gridbot.dialog.handoff.InMemoryHandoffDesk;
import io.gridbot.dialog.nlu.IntentClassifier;
import io.gridbot.dialog.nlu.IntentRanking;
import io.gridbot.dialog.nlu.NluPipeline;
import io.gridbot.dialog.nlu.RegexEntityExtractor;
import io.gridbot.dialog.policy.Domain;
import io.gridbot.dialog.store.LockStore;
import io.gridbot.dialog.store.StateStore;
import io.gridbot.dialog.store.StateStores;
import io.gridbot.dialog.tracker.Event;
import io.gridbot.dialog.tracker.StateTrackerStore;
import io.gridbot.dialog.tracker.Tracker;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * A message processor for tests: a keyword NLU, an {@code amount} entity ("100元"), in-memory state
 * (unless given), an in-memory agent desk, and a journal kept as a list of message ids.
 */
public final class TestEngine {

  public static final ConversationId ALICE = new ConversationId("web", "alice-session");

  public final StateStore state;
  public final LockStore locks;
  public final InMemoryHandoffDesk desk = new InMemoryHandoffDesk();
  public final List<String> journal = new CopyOnWriteArrayList<>();
  public final JsonMapper json = JsonMapper.builder().build();
  public final StateTrackerStore trackers;
  public final MessageProcessor processor;
  private final AtomicInteger ids = new AtomicInteger();

  /** An engine on fresh in-memory state with the default settings. */
  public TestEngine(Domain domain, IntentClassifier nlu) {
    this(domain, nlu, DialogSettings.defaults(), StateStores.inMemoryStateStore(), null);
  }

  /**
   * @param executions null for {@link StateExecutions} on {@code state}
   */
  public TestEngine(
      Domain domain,
      IntentClassifier nlu,
      DialogSettings settings,
      StateStore state,
      Executions executions) {
    this(domain, nlu, settings, state, StateStores.inMemoryLockStore(), executions);
  }

  /** An engine on the given stores, as one server instance of several. */
  public TestEngine(
      Domain domain,
      IntentClassifier nlu,
      DialogSettings settings,
      StateStore state,
      LockStore locks,
      Executions executions) {
    this.state = state;
    this.locks = locks;
    this.trackers = new StateTrackerStore(state, settings.trackerIdleTtl(), json);
    NluPipeline pipeline =
        new NluPipeline(
            nlu,
            List.of(new RegexEntityExtractor("amount", Pattern.compile("(?<value>\\d+)元"))),
            settings.nluThreshold());
    this.processor =
        new MessageProcessor(
            pipeline,
            domain,
            trackers,
            locks,
            state,
            (message, parse, replies) -> journal.add(message.messageId()),
            settings,
            json,
            executions == null ? new StateExecutions(state, json) : executions,
            desk);
  }

  /**
   * Intents by keyword, first match wins, at confidence 0.9; anything else is a {@code chitchat} at
   * 0.1 (below every threshold).
   */
  public static IntentClassifier keywords(String... keywordThenIntent) {
    List<String[]> rules = new ArrayList<>();
    for (int i = 0; i < keywordThenIntent.length; i += 2) {
      rules.add(new String[] {keywordThenIntent[i], keywordThenIntent[i + 1]});
    }
    return text -> {
      for (String[] rule : rules) {
        if (text.contains(rule[0])) {
          return List.of(new IntentRanking(rule[1], 0.9));
        }
      }
      return List.of(new IntentRanking("chitchat", 0.1));
    };
  }

  /** A prompt saying {@code text} from the template {@code text} itself. */
  public static Prompt said(String text) {
    return Prompt.fixed(new Event.BotUttered(Reply.text(text), text));
  }

  /** Sends {@code text} with a fresh message id. */
  public List<Reply> send(String text) {
    return processor.handle(message(text));
  }

  /** Sends {@code text} with a fresh message id, the replies as plain text. */
  public List<String> say(String text) {
    return send(text).stream().map(Reply::asText).toList();
  }

  public UserMessage message(String text) {
    return new UserMessage(ALICE, "m-" + ids.incrementAndGet(), text, Instant.now());
  }

  /** Alice's stored tracker. */
  public Tracker tracker() {
    return trackers.load(ALICE).orElseThrow();
  }
}
