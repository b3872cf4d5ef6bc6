package io.gridbot.intents.outage;

import io.gridbot.dialog.Masking;
import io.gridbot.dialog.action.Action;
import io.gridbot.dialog.tracker.Event;
import io.gridbot.dialog.tracker.Tracker;
import io.gridbot.intents.Conversations;
import io.gridbot.intents.Templates;
import io.gridbot.service.account.Account;
import io.gridbot.service.account.AccountService;
import io.gridbot.service.account.Binding;
import io.gridbot.service.account.BindingService;
import io.gridbot.service.outage.AreaCode;
import io.gridbot.service.outage.ChinaTime;
import io.gridbot.service.outage.Outage;
import io.gridbot.service.outage.OutageService;
import io.gridbot.service.outage.OutageState;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells the customer the truth about the supply of their bound accounts' areas: an outage going on
 * (with its expected restoration), a planned one ahead, or none — from the outages staff publish.
 */
public final class OutageQueryAction implements Action {

  private final BindingService bindings;
  private final AccountService accounts;
  private final OutageService outages;
  private final Templates templates;
  private final Clock clock;

  public OutageQueryAction(
      BindingService bindings,
      AccountService accounts,
      OutageService outages,
      Templates templates,
      Clock clock) {
    this.bindings = bindings;
    this.accounts = accounts;
    this.outages = outages;
    this.templates = templates;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "action_outage_query";
  }

  @Override
  public List<Event> run(Tracker tracker) {
    List<Account> bound =
        bindings.activeBindings(Conversations.userOf(tracker)).stream()
            .map(Binding::accountNo)
            .map(accounts::find)
            .flatMap(java.util.Optional::stream)
            .toList();
    if (bound.isEmpty()) {
      return List.of(templates.say("outage.unbound"));
    }
    Instant now = clock.instant();
    List<Outage> current = outages.current();
    List<Event> events = new ArrayList<>();
    for (Account account : bound) {
      AreaCode area = new AreaCode(account.areaCode());
      List<Outage> here = current.stream().filter(o -> o.covers(area)).toList();
      if (here.isEmpty()) {
        events.add(templates.say("outage.none", values(account, null, now)));
      }
      for (Outage outage : here) {
        boolean going = outage.state() == OutageState.ACTIVE || !outage.startsAt().isAfter(now);
        events.add(
            templates.say(
                going ? "outage.active" : "outage.planned", values(account, outage, now)));
      }
    }
    return events;
  }

  private Map<String, Object> values(Account account, Outage outage, Instant now) {
    Map<String, Object> values = new HashMap<>();
    values.put("account", Masking.account(account.accountNo().value()));
    values.put("address", account.address());
    if (outage != null) {
      values.put(
          "reason",
          outage.reason() == null || outage.reason().isBlank() ? "线路故障" : outage.reason());
      values.put("start", ChinaTime.formatWithDate(outage.startsAt()));
      String end =
          outage.expectedEnd() == null ? null : ChinaTime.format(outage.expectedEnd(), now);
      values.put("end", end == null ? "另行通知" : end);
      values.put(
          "eta",
          end == null
              ? templates.render("outage.active_no_eta")
              : templates.render("outage.active_eta", Map.of("end", end)));
    }
    return values;
  }
}
