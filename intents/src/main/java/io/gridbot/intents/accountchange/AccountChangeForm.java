package io.gridbot.intents.accountchange;

import io.gridbot.dialog.Masking;
import io.gridbot.dialog.form.Choice;
import io.gridbot.dialog.form.Form;
import io.gridbot.dialog.form.SlotSpec;
import io.gridbot.dialog.tracker.Event;
import io.gridbot.dialog.tracker.Tracker;
import io.gridbot.intents.AccountSlot;
import io.gridbot.intents.Assistant;
import io.gridbot.intents.AssistantServices;
import io.gridbot.intents.ContactPhoneSlot;
import io.gridbot.intents.Conversations;
import io.gridbot.intents.Templates;
import io.gridbot.intents.connection.Applicant;
import io.gridbot.intents.nlu.BusinessType;
import io.gridbot.intents.nlu.DomainEntities;
import io.gridbot.service.account.Account;
import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.AccountNotFound;
import io.gridbot.service.application.Application;
import io.gridbot.service.application.ApplicationRequest;
import io.gridbot.service.application.ApplicationService;
import io.gridbot.service.application.ApplicationType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 过户, 更名, 销户 as applications: the change, the account, the new holder's name (rename and transfer),
 * the ID number's last four, a contact phone; confirms, then submits. Changing the registered phone
 * cannot be applied for here: the customer is told to visit a hall with their ID.
 */
public final class AccountChangeForm {

  public static final String NAME = "account_change_form";
  static final String TYPE = "change_type";
  static final String HOLDER = "new_holder";
  static final String ID_LAST4 = "id_last4";

  static final List<ApplicationType> CHANGES =
      List.of(ApplicationType.TRANSFER, ApplicationType.RENAME, ApplicationType.CLOSE_ACCOUNT);

  private final ApplicationService applications;
  private final AccountSlot accounts;
  private final Templates templates;

  private AccountChangeForm(AssistantServices services, Templates templates) {
    this.applications = services.applications();
    this.accounts = new AccountSlot(services.bindings(), services.accounts(), templates);
    this.templates = templates;
  }

  public static Form create(AssistantServices services, Templates templates) {
    return new AccountChangeForm(services, templates).form();
  }

  private Form form() {
    return Form.named(NAME)
        .guard(this::guard)
        .slot(
            SlotSpec.named(TYPE)
                .entity(DomainEntities.BUSINESS_TYPE)
                .prompt(templates.prompt("account_change.ask_type"))
                .retry(
                    t ->
                        phoneChange(t)
                            ? templates.say("account_change.phone_change_retry")
                            : templates.say("account_change.retry_type"))
                .parser(AccountChangeForm::parseType)
                .choices(t -> CHANGES.stream().map(c -> new Choice(c.label(), c.name())).toList())
                .build())
        .slot(accounts.slot("account.which"))
        .slot(
            new SlotSpec(
                HOLDER,
                null,
                templates.prompt("account_change.ask_holder"),
                templates.prompt("applicant.retry_name"),
                Applicant.name(HOLDER, "account_change.ask_holder", templates).parser(),
                null,
                null,
                t -> type(t).filter(c -> c != ApplicationType.CLOSE_ACCOUNT).isPresent(),
                true))
        .slot(Applicant.idLast4(ID_LAST4, templates))
        .slot(new ContactPhoneSlot(templates).slot(accounts::account))
        .confirm(templates.prompt("account_change.confirm", this::describe))
        .submit(this::submit)
        .cancelled(templates.prompt("account_change.cancelled"))
        .giveUp(Assistant.giveUp(templates))
        .build();
  }

  /** Refuses to start without a bound account, or for a phone change (told how instead). */
  private List<Event> guard(Tracker tracker) {
    if (phoneChange(tracker)) {
      return List.of(templates.say("account_change.phone_change"));
    }
    return accounts.requireBound(tracker);
  }

  private static boolean phoneChange(Tracker tracker) {
    return tracker.latestMessage().stream()
        .flatMap(m -> m.entities().stream())
        .anyMatch(
            e ->
                e.name().equals(DomainEntities.BUSINESS_TYPE)
                    && e.value().equals(BusinessType.PHONE_CHANGE.name()));
  }

  static Optional<String> parseType(String text) {
    String t = text.strip();
    return CHANGES.stream()
        .filter(c -> c.name().equals(t) || c.label().equals(t))
        .map(Enum::name)
        .findFirst();
  }

  private static Optional<ApplicationType> type(Tracker tracker) {
    return tracker.slot(TYPE).map(ApplicationType::valueOf);
  }

  private Map<String, Object> describe(Tracker tracker) {
    Map<String, Object> values = new HashMap<>(accounts.describe(tracker));
    values.put("type", type(tracker).map(ApplicationType::label).orElse(""));
    tracker.slot(HOLDER).ifPresent(n -> values.put("holder", Masking.name(n)));
    values.put("id_last4", tracker.slot(ID_LAST4).orElse(""));
    values.put("phone", ContactPhoneSlot.masked(tracker));
    return values;
  }

  private List<Event> submit(Tracker tracker) {
    Optional<Account> account = accounts.account(tracker);
    if (account.isEmpty()) {
      return List.of(templates.say("account_change.account_closed", accounts.describe(tracker)));
    }
    ApplicationType type = type(tracker).orElseThrow();
    try {
      Application application =
          applications.submit(
              new ApplicationRequest(
                  type,
                  Conversations.userOf(tracker),
                  tracker.slot(HOLDER).orElse(account.get().customerName()),
                  tracker.slot(ID_LAST4).orElseThrow(),
                  tracker.slot(ContactPhoneSlot.NAME).orElseThrow(),
                  account.get().address(),
                  new AccountNo(tracker.slot(AccountSlot.NAME).orElseThrow()),
                  null,
                  List.of()));
      Map<String, Object> values = describe(tracker);
      values.put("no", application.no().value());
      return List.of(templates.say("account_change.done", values));
    } catch (AccountNotFound e) {
      return List.of(templates.say("account_change.account_closed", accounts.describe(tracker)));
    }
  }
}
