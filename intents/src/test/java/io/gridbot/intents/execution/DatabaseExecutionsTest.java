package io.gridbot.intents.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.dialog.channel.Reply;
import io.gridbot.dialog.tracker.Event;
import io.gridbot.service.execution.ExecutionLog;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class DatabaseExecutionsTest {

  /** Records outcomes in memory, as the database does: nothing when the body throws. */
  static final class MemoryLog implements ExecutionLog {
    final Map<String, String> outcomes = new HashMap<>();

    @Override
    public String once(String key, Supplier<String> body) {
      String earlier = outcomes.get(key);
      if (earlier != null) {
        return earlier;
      }
      String outcome = body.get();
      outcomes.put(key, outcome);
      return outcome;
    }
  }

  private final MemoryLog log = new MemoryLog();
  private final DatabaseExecutions executions =
      new DatabaseExecutions(log, JsonMapper.builder().build());

  @Test
  void the_events_of_the_first_run_come_back_for_the_same_key() {
    AtomicInteger runs = new AtomicInteger();
    Supplier<List<Event>> body =
        () -> {
          runs.incrementAndGet();
          return List.of(
              new Event.SlotSet("ticket", "R-1"),
              new Event.BotUttered(Reply.text("已为您登记报修"), "repair.done"));
        };

    List<Event> first = executions.once("form:1", body);
    List<Event> again = executions.once("form:1", body);

    assertThat(runs).hasValue(1);
    assertThat(again).isEqualTo(first);
    assertThat(again.get(1)).isInstanceOf(Event.BotUttered.class);
    assertThat(((Event.BotUttered) again.get(1)).template()).isEqualTo("repair.done");
    assertThat(log.outcomes.get("form:1")).contains("R-1");
  }

  @Test
  void a_failing_body_is_not_recorded() {
    assertThatThrownBy(
            () ->
                executions.once(
                    "form:2",
                    () -> {
                      throw new IllegalStateException("down");
                    }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(log.outcomes).doesNotContainKey("form:2");
  }
}
