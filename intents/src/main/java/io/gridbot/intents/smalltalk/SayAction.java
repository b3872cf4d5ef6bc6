package io.gridbot.intents.smalltalk;

import io.gridbot.dialog.action.Action;
import io.gridbot.dialog.tracker.Event;
import io.gridbot.intents.Templates;
import java.util.List;

/** Actions that only say one template (a variant of it each time). */
public final class SayAction {

  private SayAction() {}

  /** An action named {@code utter_<key>} saying template {@code key}. */
  public static Action of(Templates templates, String key) {
    templates.render(key); // fails at start-up when the template is missing or needs values
    return Action.of(
        "utter_" + key.replace('.', '_'), tracker -> List.<Event>of(templates.say(key)));
  }
}
