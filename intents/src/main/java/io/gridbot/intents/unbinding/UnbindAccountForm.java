package io.gridbot.intents.unbinding;

import io.gridbot.dialog.form.Form;
import io.gridbot.dialog.tracker.Event;
import io.gridbot.dialog.tracker.Tracker;
import io.gridbot.intents.AccountSlot;
import io.gridbot.intents.Assistant;
import io.gridbot.intents.Conversations;
import io.gridbot.intents.Templates;
import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.BindingNotFound;
import io.gridbot.service.account.BindingService;
import java.util.List;

/**
 * Unbinds one of the user's accounts: which account, a confirmation showing it (masked, with its
 * address), then the unbinding. Users without a bound account are told so.
 */
public final class UnbindAccountForm {

  public static final String NAME = "unbind_account_form";

  private UnbindAccountForm() {}

  public static Form create(BindingService bindings, AccountSlot account, Templates templates) {
    return Form.named(NAME)
        .guard(
            t ->
                account.boundAccounts(t).isEmpty()
                    ? List.of(templates.say("unbind.none"))
                    : List.of())
        .slot(account.slot("unbind.which"))
        .confirm(templates.prompt("unbind.confirm", account::describe))
        .submit(t -> submit(t, bindings, account, templates))
        .cancelled(templates.prompt("unbind.cancelled"))
        .giveUp(Assistant.giveUp(templates))
        .build();
  }

  private static List<Event> submit(
      Tracker tracker, BindingService bindings, AccountSlot account, Templates templates) {
    AccountNo no = new AccountNo(tracker.slot(AccountSlot.NAME).orElseThrow());
    try {
      bindings.unbind(Conversations.userOf(tracker), no);
    } catch (BindingNotFound e) {
      return List.of(templates.say("unbind.not_bound", account.describe(tracker)));
    }
    return List.of(templates.say("unbind.done", account.describe(tracker)));
  }
}
