package io.gridbot.intents;

import io.gridbot.dialog.policy.Domain;
import io.gridbot.dialog.store.StateStore;
import io.gridbot.intents.balance.CheckBalanceAction;
import io.gridbot.intents.binding.BindAccountForm;
import io.gridbot.intents.smalltalk.SayAction;
import io.gridbot.service.account.AccountService;
import io.gridbot.service.account.BindingService;

/** Which intent does what. */
public final class Assistant {

  private Assistant() {}

  public static Domain domain(
      BindingService bindings, AccountService accounts, StateStore state, Templates templates) {
    return Domain.builder()
        .on("greeting", SayAction.of("utter_greeting", templates.render("greeting")), true)
        .on("thanks_bye", SayAction.of("utter_thanks", templates.render("thanks")), false)
        .on("human_agent", SayAction.of("utter_human_agent", templates.render("human_agent")), true)
        .on("unbind_account", SayAction.of("utter_not_yet", templates.render("not_yet")), true)
        .on("check_balance", new CheckBalanceAction(bindings, accounts, templates), true)
        .on("bind_account", BindAccountForm.create(bindings, accounts, state, templates))
        .fallback(SayAction.of("utter_fallback", templates.render("fallback")))
        .failureText(templates.render("failure"))
        .build();
  }
}
