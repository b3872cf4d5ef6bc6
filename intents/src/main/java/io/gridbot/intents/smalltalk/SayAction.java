package io.gridbot.intents.smalltalk;

import io.gridbot.dialog.action.Action;
import io.gridbot.dialog.channel.Reply;
import io.gridbot.dialog.tracker.Event;
import java.util.List;

/** Actions that only say a fixed text. */
public final class SayAction {

  private SayAction() {}

  public static Action of(String name, String text) {
    List<Event> events = List.of(new Event.BotUttered(Reply.text(text)));
    return Action.of(name, tracker -> events);
  }
}
