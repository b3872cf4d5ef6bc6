package io.gridbot.intents.advice;

import io.gridbot.dialog.Masking;
import io.gridbot.dialog.action.Action;
import io.gridbot.dialog.tracker.Event;
import io.gridbot.dialog.tracker.Tracker;
import io.gridbot.intents.Conversations;
import io.gridbot.intents.Templates;
import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.Binding;
import io.gridbot.service.account.BindingService;
import io.gridbot.service.tag.TagService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Saving tips: personal ones from the bound accounts' customer tags (e.g. peak-heavy usage suggests
 * the peak/valley tariff), then the general ones.
 */
public final class EnergyAdviceAction implements Action {

  private final BindingService bindings;
  private final TagService tags;
  private final Templates templates;

  public EnergyAdviceAction(BindingService bindings, TagService tags, Templates templates) {
    this.bindings = bindings;
    this.tags = tags;
    this.templates = templates;
  }

  @Override
  public String name() {
    return "action_energy_advice";
  }

  @Override
  public List<Event> run(Tracker tracker) {
    List<Event> events = new ArrayList<>();
    for (Binding binding : bindings.activeBindings(Conversations.userOf(tracker))) {
      AccountNo account = binding.accountNo();
      List<String> tips = tags.tipsFor(account);
      if (!tips.isEmpty()) {
        events.add(
            templates.say(
                "advice.tips",
                Map.of(
                    "account", Masking.account(account.value()), "tips", String.join("", tips))));
      }
    }
    events.add(templates.say("advice.general"));
    return events;
  }
}
