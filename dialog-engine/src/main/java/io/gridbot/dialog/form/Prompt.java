package io.gridbot.dialog.form;

import io.gridbot.dialog.tracker.Event;
import io.gridbot.dialog.tracker.Tracker;

/** Says something that depends on the conversation (a question, a confirmation, a notice). */
@FunctionalInterface
public interface Prompt {

  Event.BotUttered say(Tracker tracker);

  /** A prompt that always says the same. */
  static Prompt fixed(Event.BotUttered said) {
    return tracker -> said;
  }
}
