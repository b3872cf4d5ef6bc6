package io.gridbot.intents.execution;

import io.gridbot.dialog.form.Executions;
import io.gridbot.dialog.tracker.Event;
import io.gridbot.service.execution.ExecutionLog;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The engine's once-only submissions on the business database: a submission's writes and the record
 * of its events commit together (see {@link ExecutionLog}).
 */
public final class DatabaseExecutions implements Executions {

  private static final TypeReference<List<Event>> EVENTS = new TypeReference<>() {};

  private final ExecutionLog log;
  private final JsonMapper json;

  public DatabaseExecutions(ExecutionLog log, JsonMapper json) {
    this.log = Objects.requireNonNull(log, "log");
    this.json = Objects.requireNonNull(json, "json");
  }

  @Override
  public List<Event> once(String key, Supplier<List<Event>> body) {
    String outcome =
        log.once(key, () -> json.writerFor(EVENTS).writeValueAsString(List.copyOf(body.get())));
    return json.readValue(outcome, EVENTS);
  }
}
