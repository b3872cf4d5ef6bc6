package io.gridbot.intents.points;

import io.gridbot.dialog.Masking;
import io.gridbot.dialog.action.Action;
import io.gridbot.dialog.channel.Reply;
import io.gridbot.dialog.tracker.Event;
import io.gridbot.dialog.tracker.Tracker;
import io.gridbot.intents.Conversations;
import io.gridbot.intents.Templates;
import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.Binding;
import io.gridbot.service.account.BindingService;
import io.gridbot.service.outage.ChinaTime;
import io.gridbot.service.points.PointsEntry;
import io.gridbot.service.points.PointsService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The points balance of each bound account, with its latest movements. */
public final class PointsQueryAction implements Action {

  static final int LATEST = 3;

  private final BindingService bindings;
  private final PointsService points;
  private final Templates templates;

  public PointsQueryAction(BindingService bindings, PointsService points, Templates templates) {
    this.bindings = bindings;
    this.points = points;
    this.templates = templates;
  }

  @Override
  public String name() {
    return "action_points_query";
  }

  @Override
  public List<Event> run(Tracker tracker) {
    List<AccountNo> bound =
        bindings.activeBindings(Conversations.userOf(tracker)).stream()
            .map(Binding::accountNo)
            .toList();
    if (bound.isEmpty()) {
      return List.of(templates.say("points.unbound"));
    }
    List<Event> events = new ArrayList<>();
    for (AccountNo account : bound) {
      StringBuilder text =
          new StringBuilder(
              templates.render(
                  "points.balance",
                  Map.of(
                      "account",
                      Masking.account(account.value()),
                      "balance",
                      points.balance(account))));
      for (PointsEntry entry : points.history(account, 0, LATEST).entries()) {
        text.append('\n')
            .append(
                templates.render(
                    "points.entry",
                    Map.of(
                        "date", ChinaTime.dayOf(entry.createdAt()),
                        "reason", entry.reason().label(),
                        "delta", (entry.delta() > 0 ? "+" : "") + entry.delta())));
      }
      events.add(new Event.BotUttered(Reply.text(text.toString()), "points.balance"));
    }
    return events;
  }
}
