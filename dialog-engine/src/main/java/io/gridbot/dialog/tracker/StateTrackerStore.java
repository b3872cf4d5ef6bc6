package io.gridbot.dialog.tracker;

import io.gridbot.dialog.ConversationId;
import io.gridbot.dialog.store.StateStore;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores each tracker's events as JSON in the shared {@link StateStore}, expiring after an idle
 * time. An entry that cannot be read (e.g. written by an incompatible version) starts the
 * conversation afresh rather than failing every message.
 */
public final class StateTrackerStore implements TrackerStore {

  private static final TypeReference<List<Event>> EVENTS = new TypeReference<>() {};
  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(StateTrackerStore.class);

  private final StateStore state;
  private final Duration idleTtl;
  private final JsonMapper json;

  public StateTrackerStore(StateStore state, Duration idleTtl, JsonMapper json) {
    this.state = Objects.requireNonNull(state, "state");
    this.idleTtl = Objects.requireNonNull(idleTtl, "idleTtl");
    this.json = Objects.requireNonNull(json, "json");
  }

  @Override
  public Optional<Tracker> load(ConversationId conversation) {
    return state
        .get(key(conversation))
        .flatMap(
            stored -> {
              try {
                return Optional.of(Tracker.of(conversation, json.readValue(stored, EVENTS)));
              } catch (JacksonException e) {
                log.warn(
                    "unreadable tracker of {} discarded: {}", conversation, e.getOriginalMessage());
                return Optional.empty();
              }
            });
  }

  @Override
  public void save(Tracker tracker) {
    String stored = json.writerFor(EVENTS).writeValueAsString(tracker.events());
    state.put(key(tracker.conversation()), stored, idleTtl);
  }

  private static String key(ConversationId conversation) {
    return "tracker:" + conversation.key();
  }
}
