package io.gridbot.intents.binding;

import io.gridbot.dialog.Masking;
import io.gridbot.dialog.form.Choice;
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
import io.gridbot.service.account.Binding;
import io.gridbot.service.account.BindingService;
import io.gridbot.service.account.Surname;
import io.gridbot.service.account.VerificationFailed;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Binds a customer number to the chat user: asks for the number, then how the customer proves they
 * know the account (the registered phone's last four digits or the holder's surname), then that
 * proof, and binds only when it matches. An account the user already bound is said so. Failures of
 * both ways count together, per account and per user; {@link #MAX_FAILURES} of them lock binding
 * for {@link #FAILURE_WINDOW}. Binding needs no confirmation: it verifies instead.
 */
public final class BindAccountForm {

  public static final String NAME = "bind_account_form";
  static final String ACCOUNT = "account_no";
  static final String METHOD = "bind_method";
  static final String PROOF = "bind_proof";
  static final String PHONE = "phone";
  static final String SURNAME = "surname";

  private static final Pattern ACCOUNT_NO = Pattern.compile("[0-9]{10}|[0-9]{13}");
  private static final Pattern LAST4 = Pattern.compile("[0-9]{4}");

  private BindAccountForm() {}

  /** Failed verifications of one account, or by one user, before binding is refused. */
  public static final int MAX_FAILURES = 5;

  /** How long binding stays refused after {@link #MAX_FAILURES} failures. */
  public static final Duration FAILURE_WINDOW = Duration.ofHours(1);

  public static Form create(
      BindingService bindings, AccountService accounts, StateStore state, Templates templates) {
    return Form.named(NAME)
        .slot(
            SlotSpec.named(ACCOUNT)
                .entity(DomainEntities.ACCOUNT_NO)
                .prompt(templates.prompt("bind.ask_account"))
                .retry(templates.prompt("bind.retry_account"))
                .parser(text -> digits(text, ACCOUNT_NO))
                .build())
        .slot(
            SlotSpec.named(METHOD)
                .prompt(templates.prompt("bind.ask_phone", BindAccountForm::masked))
                .retry(templates.prompt("bind.retry_method"))
                .parser(BindAccountForm::method)
                .choices(
                    t ->
                        List.of(
                            new Choice(templates.render("bind.method_phone"), PHONE),
                            new Choice(templates.render("bind.method_surname"), SURNAME)))
                .neededWhen(t -> !alreadyBound(bindings, t))
                .build())
        .slot(
            SlotSpec.named(PROOF)
                .prompt(
                    t ->
                        templates.say(
                            isSurname(t) ? "bind.ask_surname" : "bind.ask_phone_only", masked(t)))
                .retry(t -> templates.say(isSurname(t) ? "bind.retry_surname" : "bind.retry_phone"))
                .parser((t, text) -> proof(t, text))
                // an answer to the method question that already is the proof ("0001", "姓张")
                .prefill(t -> t.latestMessage().flatMap(m -> proof(t, m.text())))
                .neededWhen(t -> !alreadyBound(bindings, t))
                .build())
        .submit(tracker -> submit(tracker, bindings, accounts, state, templates))
        .cancelled(templates.prompt("bind.cancelled"))
        .giveUp(Assistant.giveUp(templates))
        .guard(
            tracker -> locked(state, null, tracker) ? List.of(lockedReply(templates)) : List.of())
        .build();
  }

  private static Map<String, Object> masked(Tracker t) {
    return Map.of("account", Masking.account(t.slot(ACCOUNT).orElse("")));
  }

  private static boolean isSurname(Tracker t) {
    return t.slot(METHOD).filter(SURNAME::equals).isPresent();
  }

  private static boolean alreadyBound(BindingService bindings, Tracker t) {
    return t.slot(ACCOUNT)
        .map(
            no ->
                bindings.activeBindings(Conversations.userOf(t)).stream()
                    .map(Binding::accountNo)
                    .anyMatch(b -> b.value().equals(no)))
        .orElse(false);
  }

  /** The verification method an answer names, also when it already is the proof itself. */
  static Optional<String> method(String text) {
    String t = TextNormalizer.toHalfWidth(text).strip();
    if (t.contains("手机") || digits(t, LAST4).isPresent()) {
      return Optional.of(PHONE);
    }
    if (t.contains("姓") || Surname.parse(t).isPresent()) {
      return Optional.of(SURNAME);
    }
    return Optional.empty();
  }

  private static Optional<String> proof(Tracker t, String text) {
    if (t.slot(METHOD).isEmpty()) {
      return Optional.empty();
    }
    return isSurname(t)
        ? Surname.parse(TextNormalizer.toHalfWidth(text)).map(Surname::value)
        : digits(text, LAST4);
  }

  private static List<Event> submit(
      Tracker tracker,
      BindingService bindings,
      AccountService accounts,
      StateStore state,
      Templates templates) {
    AccountNo accountNo = new AccountNo(tracker.slot(ACCOUNT).orElseThrow());
    Map<String, Object> masked = Map.of("account", accountNo.masked());
    if (alreadyBound(bindings, tracker)) {
      return List.of(templates.say("bind.already", masked));
    }
    if (locked(state, accountNo, tracker)) {
      return List.of(lockedReply(templates));
    }
    String proof = tracker.slot(PROOF).orElseThrow();
    try {
      if (isSurname(tracker)) {
        bindings.bindBySurname(Conversations.userOf(tracker), accountNo, new Surname(proof));
      } else {
        bindings.bind(Conversations.userOf(tracker), accountNo, proof);
      }
    } catch (AccountNotFound e) {
      return List.of(templates.say("bind.not_found", masked));
    } catch (VerificationFailed e) {
      // guessing four digits or a surname must not be possible: count failures of both ways
      // together, per account and per user
      state.increment(accountKey(accountNo), FAILURE_WINDOW);
      state.increment(userKey(tracker), FAILURE_WINDOW);
      return List.of(
          templates.say(
              isSurname(tracker) ? "bind.verify_failed_surname" : "bind.verify_failed", masked));
    }
    String address = accounts.find(accountNo).map(Account::address).orElse("");
    // the one reply that shows the whole number: the customer checks it is the right one
    return List.of(templates.say("bind.done", Map.of("account", accountNo, "address", address)));
  }

  private static Event.BotUttered lockedReply(Templates templates) {
    return templates.say("bind.locked", Map.of("hours", FAILURE_WINDOW.toHours()));
  }

  /** Whether binding is locked for this user, or (when given) for this account. */
  private static boolean locked(StateStore state, AccountNo accountNo, Tracker tracker) {
    return failures(state, userKey(tracker)) >= MAX_FAILURES
        || (accountNo != null && failures(state, accountKey(accountNo)) >= MAX_FAILURES);
  }

  private static String accountKey(AccountNo accountNo) {
    return "bind-failures:account:" + accountNo;
  }

  private static String userKey(Tracker tracker) {
    return "bind-failures:user:" + tracker.conversation().key();
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
