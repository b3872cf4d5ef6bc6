package io.gridbot.dialog.action;

import io.gridbot.dialog.tracker.Event;
import io.gridbot.dialog.tracker.Tracker;
import java.util.List;

/**
 * Something the assistant does in answer to a message: looks something up, changes something, says
 * something. Actions read the tracker and return events; they never change state themselves.
 */
public interface Action {

  /** A unique name, e.g. {@code action_check_balance}. */
  String name();

  /**
   * Runs the action.
   *
   * @param tracker the conversation so far, including the message being answered
   * @return the events to apply, usually including at least one {@link Event.BotUttered}
   */
  List<Event> run(Tracker tracker);

  /** An action from a name and a function. */
  static Action of(String name, java.util.function.Function<Tracker, List<Event>> body) {
    return new Action() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public List<Event> run(Tracker tracker) {
        return body.apply(tracker);
      }
    };
  }
}
