package io.gridbot.dialog.form;

import io.gridbot.dialog.tracker.Event;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs a task's submission once per idempotency key. A second call with the same key returns the
 * outcome of the first without running the body again, whatever happened to the turn in between (a
 * failed save, a redelivered confirmation, another instance).
 *
 * <p>The production implementation records the outcome in the same database transaction as the
 * task's own writes, so a task either happened and its outcome is recorded, or neither.
 */
public interface Executions {

  /**
   * Runs {@code body} unless {@code key} ran before.
   *
   * @param key at most 128 characters
   * @return the events of the first run
   */
  List<Event> once(String key, Supplier<List<Event>> body);
}
