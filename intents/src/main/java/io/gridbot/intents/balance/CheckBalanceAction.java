package io.gridbot.intents.balance;

import io.gridbot.dialog.Masking;
import io.gridbot.dialog.action.Action;
import io.gridbot.dialog.tracker.Event;
import io.gridbot.dialog.tracker.Tracker;
import io.gridbot.intents.Conversations;
import io.gridbot.intents.Templates;
import io.gridbot.intents.nlu.DomainEntities;
import io.gridbot.service.account.Account;
import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.AccountService;
import io.gridbot.service.account.BillingMode;
import io.gridbot.service.account.Binding;
import io.gridbot.service.account.BindingService;
import io.gridbot.service.account.ChannelUser;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tells the customer the balance (prepaid) or arrears (postpaid) of their bound accounts, read from
 * the database. A customer number named in the message is answered only when it is bound to this
 * user: balances are private.
 */
public final class CheckBalanceAction implements Action {

  /** Prepaid balances under this many yuan get a top-up reminder. */
  static final BigDecimal LOW_BALANCE = new BigDecimal("20.00");

  private final BindingService bindings;
  private final AccountService accounts;
  private final Templates templates;

  public CheckBalanceAction(BindingService bindings, AccountService accounts, Templates templates) {
    this.bindings = bindings;
    this.accounts = accounts;
    this.templates = templates;
  }

  @Override
  public String name() {
    return "action_check_balance";
  }

  @Override
  public List<Event> run(Tracker tracker) {
    ChannelUser user = Conversations.userOf(tracker);
    List<AccountNo> bound = bindings.activeBindings(user).stream().map(Binding::accountNo).toList();
    Optional<String> named =
        tracker.latestMessage().stream()
            .flatMap(m -> m.entities().stream())
            .filter(e -> e.name().equals(DomainEntities.ACCOUNT_NO))
            .map(e -> e.value())
            .findFirst();
    List<AccountNo> asked = bound;
    if (named.isPresent()) {
      AccountNo accountNo = new AccountNo(named.get());
      if (!bound.contains(accountNo)) {
        return List.of(
            templates.say(
                "balance.not_bound_account",
                Map.of("account", Masking.account(accountNo.value()))));
      }
      asked = List.of(accountNo);
    }
    if (asked.isEmpty()) {
      return List.of(templates.say("balance.unbound"));
    }
    List<Event> events = new ArrayList<>();
    for (AccountNo accountNo : asked) {
      accounts.find(accountNo).ifPresent(account -> events.add(describe(account)));
    }
    return events.isEmpty() ? List.of(templates.say("balance.unbound")) : events;
  }

  private Event describe(Account account) {
    Map<String, Object> values =
        Map.of(
            "account", Masking.account(account.accountNo().value()),
            "address", account.address(),
            "balance", account.balance().toPlainString(),
            "arrears", account.arrears().toPlainString(),
            "threshold", LOW_BALANCE.stripTrailingZeros().toPlainString(),
            "low", account.balance().compareTo(LOW_BALANCE) < 0);
    if (account.billingMode() == BillingMode.PREPAID) {
      return templates.say("balance.prepaid", values);
    }
    return account.arrears().signum() > 0
        ? templates.say("balance.postpaid_owed", values)
        : templates.say("balance.postpaid_clear", values);
  }
}
