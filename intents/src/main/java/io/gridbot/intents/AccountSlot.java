package io.gridbot.intents;

import io.gridbot.dialog.Masking;
import io.gridbot.dialog.form.Choice;
import io.gridbot.dialog.form.SlotSpec;
import io.gridbot.dialog.tracker.Event;
import io.gridbot.dialog.tracker.Tracker;
import io.gridbot.intents.nlu.DomainEntities;
import io.gridbot.service.account.Account;
import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.AccountService;
import io.gridbot.service.account.Binding;
import io.gridbot.service.account.BindingService;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The "which account" question every task asks, the same way: a customer number named in the
 * message is taken when it is bound to this user; with one bound account nothing is asked; with
 * several the bound accounts are offered (masked, with their address). Tasks guard with {@link
 * #requireBound} so customers without a bound account are told to bind first.
 */
public final class AccountSlot {

  /** The slot's name in every task: the customer number, 10 or 13 digits. */
  public static final String NAME = "account_no";

  private final BindingService bindings;
  private final AccountService accounts;
  private final Templates templates;

  public AccountSlot(BindingService bindings, AccountService accounts, Templates templates) {
    this.bindings = bindings;
    this.accounts = accounts;
    this.templates = templates;
  }

  /** The account slot; {@code promptKey} asks which account (e.g. {@code account.which}). */
  public SlotSpec slot(String promptKey) {
    return SlotSpec.named(NAME)
        .entity(DomainEntities.ACCOUNT_NO)
        .prompt(templates.prompt(promptKey))
        .retry(templates.prompt("account.retry"))
        .parser((tracker, text) -> bound(tracker, text.strip()))
        .choices(this::choices)
        .prefill(
            tracker -> {
              List<AccountNo> bound = boundAccounts(tracker);
              return bound.size() == 1 ? Optional.of(bound.get(0).value()) : Optional.empty();
            })
        .build();
  }

  /** Refuses to start a task when the user has no bound account (says how to bind). */
  public List<Event> requireBound(Tracker tracker) {
    return boundAccounts(tracker).isEmpty() ? List.of(templates.say("account.none")) : List.of();
  }

  /** The accounts bound to the conversation's user, default first. */
  public List<AccountNo> boundAccounts(Tracker tracker) {
    return bindings.activeBindings(Conversations.userOf(tracker)).stream()
        .map(Binding::accountNo)
        .toList();
  }

  /** The account of the conversation's {@link #NAME} slot, when the slot is filled. */
  public Optional<Account> account(Tracker tracker) {
    return tracker.slot(NAME).flatMap(no -> accounts.find(new AccountNo(no)));
  }

  /** The masked number and address, for replies: 3300****01（幸福小区3栋…）. */
  public Map<String, Object> describe(Tracker tracker) {
    String no = tracker.slot(NAME).orElse("");
    String address = account(tracker).map(Account::address).orElse("");
    return Map.of("account", Masking.account(no), "address", address);
  }

  private Optional<String> bound(Tracker tracker, String value) {
    return boundAccounts(tracker).stream()
        .map(AccountNo::value)
        .filter(v -> v.equals(value))
        .findFirst();
  }

  private List<Choice> choices(Tracker tracker) {
    return boundAccounts(tracker).stream()
        .map(
            no ->
                new Choice(
                    Masking.account(no.value())
                        + accounts.find(no).map(a -> " " + a.address()).orElse(""),
                    no.value()))
        .toList();
  }
}
