package io.gridbot.intents.handoff;

import io.gridbot.dialog.action.Action;
import io.gridbot.dialog.tracker.Event;
import io.gridbot.dialog.tracker.Tracker;
import io.gridbot.intents.Templates;
import java.util.ArrayList;
import java.util.List;

/**
 * The customer asks for a human agent: any unfinished task is set aside and the conversation joins
 * the agent queue (the engine enqueues it after the turn).
 */
public final class HandoffAction implements Action {

  private final Templates templates;

  public HandoffAction(Templates templates) {
    this.templates = templates;
  }

  @Override
  public String name() {
    return "action_handoff";
  }

  @Override
  public List<Event> run(Tracker tracker) {
    List<Event> events = new ArrayList<>();
    if (tracker.activeForm().isPresent()) {
      events.add(new Event.FormDeactivated());
    }
    events.add(new Event.HandoffRequested("asked"));
    events.add(templates.say("handoff.queued"));
    return events;
  }
}
