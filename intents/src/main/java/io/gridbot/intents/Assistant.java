package io.gridbot.intents;

import io.gridbot.dialog.policy.Domain;
import io.gridbot.dialog.store.StateStore;
import io.gridbot.intents.advice.EnergyAdviceAction;
import io.gridbot.intents.balance.CheckBalanceAction;
import io.gridbot.intents.binding.BindAccountForm;
import io.gridbot.intents.nlu.training.IntentCatalogue;
import io.gridbot.intents.outage.OutageQueryAction;
import io.gridbot.intents.points.PointsQueryAction;
import io.gridbot.intents.progress.CheckProgressAction;
import io.gridbot.intents.smalltalk.SayAction;
import io.gridbot.service.account.AccountService;
import io.gridbot.service.account.BindingService;
import java.time.Clock;
import java.util.Set;

/** Which intent does what. Every intent of the catalogue has an answer. */
public final class Assistant {

  /** Intents whose tasks are built; the others get an honest interim answer. */
  static final Set<String> BUILT =
      Set.of(
          "greeting",
          "thanks_bye",
          "human_agent",
          "check_balance",
          "outage_query",
          "check_progress",
          "points_query",
          "energy_advice",
          "bind_account",
          "affirm",
          "deny",
          "out_of_scope");

  private Assistant() {}

  public static Domain domain(AssistantServices services, StateStore state, Templates templates) {
    BindingService bindings = services.bindings();
    AccountService accounts = services.accounts();
    Domain.Builder domain =
        Domain.builder()
            .on("greeting", SayAction.of("utter_greeting", templates.render("greeting")), true)
            .on("thanks_bye", SayAction.of("utter_thanks", templates.render("thanks")), false)
            .on(
                "human_agent",
                SayAction.of("utter_human_agent", templates.render("human_agent")),
                true)
            .on("check_balance", new CheckBalanceAction(bindings, accounts, templates), true)
            .on(
                "outage_query",
                new OutageQueryAction(
                    bindings, accounts, services.outages(), templates, Clock.systemUTC()),
                true)
            .on(
                "check_progress",
                new CheckProgressAction(
                    services.repairs(),
                    services.bookings(),
                    services.slots(),
                    services.applications(),
                    templates,
                    Clock.systemUTC()),
                true)
            .on("points_query", new PointsQueryAction(bindings, services.points(), templates), true)
            .on("energy_advice", new EnergyAdviceAction(bindings, services.tags(), templates), true)
            .on("bind_account", BindAccountForm.create(bindings, accounts, state, templates))
            .on("affirm", SayAction.of("utter_ok", templates.render("ok")), false)
            .on("deny", SayAction.of("utter_ok", templates.render("ok")), false)
            .on(
                "out_of_scope",
                SayAction.of("utter_out_of_scope", templates.render("out_of_scope")),
                false)
            .fallback(SayAction.of("utter_fallback", templates.render("fallback")))
            .failureText(templates.render("failure"));
    for (String intent : IntentCatalogue.INTENTS) {
      if (!BUILT.contains(intent)) {
        domain.on(
            intent,
            SayAction.of("utter_interim_" + intent, templates.render("interim." + intent)),
            true);
      }
    }
    return domain.build();
  }
}
