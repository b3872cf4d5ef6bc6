package io.gridbot.dialog.form;

import io.gridbot.dialog.store.StateStore;
import io.gridbot.dialog.tracker.Event;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link Executions} on the shared state store: the outcome is kept under the key for a day. The
 * body and the record are not one transaction (a crash between them runs the body again on the next
 * try); the database-backed implementation closes that gap and is what production uses.
 */
public final class StateExecutions implements Executions {

  private static final TypeReference<List<Event>> EVENTS = new TypeReference<>() {};
  private static final Duration KEEP = Duration.ofDays(1);

  private final StateStore state;
  private final JsonMapper json;

  public StateExecutions(StateStore state, JsonMapper json) {
    this.state = Objects.requireNonNull(state, "state");
    this.json = Objects.requireNonNull(json, "json");
  }

  @Override
  public List<Event> once(String key, Supplier<List<Event>> body) {
    String storeKey = "exec:" + key;
    var earlier = state.get(storeKey);
    if (earlier.isPresent()) {
      return json.readValue(earlier.get(), EVENTS);
    }
    List<Event> events = List.copyOf(body.get());
    state.put(storeKey, json.writerFor(EVENTS).writeValueAsString(events), KEEP);
    return events;
  }
}
