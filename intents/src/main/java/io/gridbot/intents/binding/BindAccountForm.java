package io.gridbot.intents.binding;

import io.gridbot.dialog.Masking;
import io.gridbot.dialog.form.Form;
import io.gridbot.dialog.form.SlotSpec;
import io.gridbot.dialog.nlu.TextNormalizer;
import io.gridbot.dialog.store.StateStore;
import io.gridbot.dialog.tracker.Event;
import io.gridbot.dialog.tracker.Tracker;
import io.gridbot.intents.Assistant;
import io.gridbot.intents.Conversations;
import io.gridbot.intents.Templates;
import io.gridbot.intents.nlu.DomainEntities;
import io.gridbot.service.account.Account;
import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.AccountNotFound;
import io.gridbot.service.account.AccountService;
import io.gridbot.service.account.BindingService;
import io.gridbot.service.account.VerificationFailed;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Binds a customer number to the chat user: asks for the number, then for the last four digits of
 * the registered phone, and binds only when they match.
 */
public final class BindAccountForm {

  public static final String NAME = "bind_account_form";
  static final String ACCOUNT = "account_no";
  static final String PHONE_LAST4 = "phone_last4";

  private static final Pattern ACCOUNT_NO = Pattern.compile("[0-9]{10}|[0-9]{13}");
  private static final Pattern LAST4 = Pattern.compile("[0-9]{4}");

  private BindAccountForm() {}

  /** Failed verifications of one account, or by one user, before binding is refused for a day. */
  public static final int MAX_FAILURES = 5;

  static final Duration FAILURE_WINDOW = Duration.ofHours(24);

  public static Form create(
      BindingService bindings, AccountService accounts, StateStore state, Templates templates) {
    return new Form(
        NAME,
        List.of(
            SlotSpec.named(ACCOUNT)
                .entity(DomainEntities.ACCOUNT_NO)
                .prompt(templates.prompt("bind.ask_account"))
                .retry(templates.prompt("bind.retry_account"))
                .parser(text -> digits(text, ACCOUNT_NO))
                .build(),
            SlotSpec.named(PHONE_LAST4)
                .prompt(
                    templates.prompt(
                        "bind.ask_phone",
                        t -> Map.of("account", Masking.account(t.slot(ACCOUNT).orElse("")))))
                .retry(templates.prompt("bind.retry_phone"))
                .parser(text -> digits(text, LAST4))
                .build()),
        null,
        tracker -> submit(tracker, bindings, accounts, state, templates),
        templates.prompt("bind.cancelled"),
        Assistant.giveUp(templates));
  }

  private static List<Event> submit(
      Tracker tracker,
      BindingService bindings,
      AccountService accounts,
      StateStore state,
      Templates templates) {
    AccountNo accountNo = new AccountNo(tracker.slot(ACCOUNT).orElseThrow());
    String last4 = tracker.slot(PHONE_LAST4).orElseThrow();
    String accountFailures = "bind-failures:account:" + accountNo;
    String userFailures = "bind-failures:user:" + tracker.conversation().key();
    if (failures(state, accountFailures) >= MAX_FAILURES
        || failures(state, userFailures) >= MAX_FAILURES) {
      return List.of(templates.say("bind.locked"));
    }
    Event.BotUttered said;
    try {
      bindings.bind(Conversations.userOf(tracker), accountNo, last4);
      String address = accounts.find(accountNo).map(Account::address).orElse("");
      said = templates.say("bind.done", Map.of("account", accountNo, "address", address));
    } catch (AccountNotFound e) {
      said = templates.say("bind.not_found", Map.of("account", accountNo));
    } catch (VerificationFailed e) {
      // guessing four digits must not be possible: count failures per account and per user
      state.increment(accountFailures, FAILURE_WINDOW);
      state.increment(userFailures, FAILURE_WINDOW);
      said = templates.say("bind.verify_failed", Map.of("account", accountNo));
    }
    return List.of(said);
  }

  private static long failures(StateStore state, String key) {
    return state.get(key).map(Long::parseLong).orElse(0L);
  }

  /** The answer's digits when, stripped of spaces and dashes, it is exactly such a number. */
  static Optional<String> digits(String text, Pattern pattern) {
    String compact = TextNormalizer.toHalfWidth(text).replaceAll("[\\s\\-]", "");
    return pattern.matcher(compact).matches() ? Optional.of(compact) : Optional.empty();
  }
}
