package io.gridbot.intents.connection;

import io.gridbot.dialog.Masking;
import io.gridbot.dialog.MessageProcessor;
import io.gridbot.dialog.form.Choice;
import io.gridbot.dialog.form.Form;
import io.gridbot.dialog.form.SlotSpec;
import io.gridbot.dialog.nlu.TextNormalizer;
import io.gridbot.dialog.tracker.Event;
import io.gridbot.dialog.tracker.Tracker;
import io.gridbot.intents.AccountSlot;
import io.gridbot.intents.Assistant;
import io.gridbot.intents.AssistantServices;
import io.gridbot.intents.ContactPhoneSlot;
import io.gridbot.intents.Conversations;
import io.gridbot.intents.Templates;
import io.gridbot.intents.nlu.BusinessType;
import io.gridbot.intents.nlu.DomainEntities;
import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.AccountNotFound;
import io.gridbot.service.application.Application;
import io.gridbot.service.application.ApplicationRequest;
import io.gridbot.service.application.ApplicationService;
import io.gridbot.service.application.ApplicationType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 业扩报装: a new low-voltage connection, a capacity increase, a temporary supply or an EV charger.
 * Asks the type, address, capacity, applicant, ID number's last four, phone, the account where the
 * type needs one and optional photos of documents; confirms, then submits the application.
 */
public final class ApplyNewConnectionForm {

  public static final String NAME = "apply_new_connection_form";
  static final String TYPE = "application_type";
  static final String ADDRESS = "address";
  static final String CAPACITY = "capacity_kw";
  static final String APPLICANT = "applicant_name";
  static final String ID_LAST4 = "id_last4";
  static final String DOCUMENTS = "documents";
  static final String NO_DOCUMENTS = "-";

  static final List<ApplicationType> CONNECTIONS =
      List.of(
          ApplicationType.LOW_VOLTAGE_NEW,
          ApplicationType.CAPACITY_INCREASE,
          ApplicationType.TEMPORARY_SUPPLY,
          ApplicationType.EV_CHARGER);

  private static final Pattern KW =
      Pattern.compile("^([0-9]{1,5}(?:\\.[0-9]{1,2})?)(?:千瓦|kw|KW|kW|Kw|千瓦时)?$");
  private static final Pattern SKIP = Pattern.compile("^(跳过|没有|无|不用|不需要|暂时没有|先不传|不传|算了不传)[。！!.]*$");

  private final ApplicationService applications;
  private final AccountSlot accounts;
  private final Templates templates;

  private ApplyNewConnectionForm(AssistantServices services, Templates templates) {
    this.applications = services.applications();
    this.accounts = new AccountSlot(services.bindings(), services.accounts(), templates);
    this.templates = templates;
  }

  public static Form create(AssistantServices services, Templates templates) {
    return new ApplyNewConnectionForm(services, templates).form();
  }

  private Form form() {
    SlotSpec account = accounts.slot("connection.which_account");
    return Form.named(NAME)
        .slot(
            SlotSpec.named(TYPE)
                .entity(DomainEntities.BUSINESS_TYPE)
                .prompt(templates.prompt("connection.ask_type"))
                .retry(templates.prompt("connection.retry_type"))
                .parser(ApplyNewConnectionForm::parseType)
                .choices(
                    t -> CONNECTIONS.stream().map(c -> new Choice(c.label(), c.name())).toList())
                .build())
        .slot(
            SlotSpec.named(ADDRESS)
                .entity(DomainEntities.ADDRESS)
                .prompt(templates.prompt("connection.ask_address"))
                .retry(templates.prompt("connection.retry_address"))
                .freeText(255)
                .build())
        .slot(
            SlotSpec.named(CAPACITY)
                .prompt(templates.prompt("connection.ask_capacity"))
                .retry(templates.prompt("connection.retry_capacity"))
                .parser(ApplyNewConnectionForm::kilowatts)
                .choices(this::commonCapacities)
                .neededWhen(t -> type(t).map(ApplicationType::needsCapacity).orElse(false))
                .build())
        .slot(Applicant.name(APPLICANT, "connection.ask_name", templates))
        .slot(Applicant.idLast4(ID_LAST4, templates))
        .slot(new ContactPhoneSlot(templates).slot(t -> Optional.empty()))
        .slot(
            new SlotSpec(
                account.name(),
                account.entity(),
                account.prompt(),
                account.retryPrompt(),
                account.parser(),
                account.choices(),
                account.prefill(),
                t -> type(t).map(ApplicationType::needsAccount).orElse(false),
                account.freeText()))
        .slot(
            SlotSpec.named(DOCUMENTS)
                .entity(MessageProcessor.IMAGE_ENTITY)
                .prompt(templates.prompt("connection.ask_documents"))
                .retry(templates.prompt("connection.retry_documents"))
                .parser(ApplyNewConnectionForm::documents)
                .build())
        .confirm(templates.prompt("connection.confirm", this::describe))
        .submit(this::submit)
        .cancelled(templates.prompt("connection.cancelled"))
        .giveUp(Assistant.giveUp(templates))
        .build();
  }

  static Optional<String> parseType(String text) {
    String t = text.strip();
    Optional<ApplicationType> byName =
        CONNECTIONS.stream().filter(c -> c.name().equals(t) || c.label().equals(t)).findFirst();
    if (byName.isPresent()) {
      return byName.map(Enum::name);
    }
    return BusinessType.fromCode(t)
        .flatMap(
            b ->
                switch (b) {
                  case NEW_CONNECTION, METER_INSTALL ->
                      Optional.of(ApplicationType.LOW_VOLTAGE_NEW);
                  case CAPACITY_INCREASE -> Optional.of(ApplicationType.CAPACITY_INCREASE);
                  case TEMPORARY_SUPPLY -> Optional.of(ApplicationType.TEMPORARY_SUPPLY);
                  case EV_CHARGER -> Optional.of(ApplicationType.EV_CHARGER);
                  default -> Optional.empty();
                })
        .map(Enum::name);
  }

  private static Optional<ApplicationType> type(Tracker tracker) {
    return tracker.slot(TYPE).map(ApplicationType::valueOf);
  }

  /** kW from "8", "8千瓦", "8kW", "16.5 KW": above 0, at most 10000, two decimals. */
  static Optional<String> kilowatts(String text) {
    String t = TextNormalizer.toHalfWidth(text).replaceAll("\\s", "");
    Matcher m = KW.matcher(t);
    if (!m.matches()) {
      return Optional.empty();
    }
    BigDecimal kw = new BigDecimal(m.group(1));
    return kw.signum() > 0 && kw.compareTo(new BigDecimal("10000")) <= 0
        ? Optional.of(kw.stripTrailingZeros().toPlainString())
        : Optional.empty();
  }

  private List<Choice> commonCapacities(Tracker tracker) {
    List<String> kws =
        switch (type(tracker).orElse(ApplicationType.LOW_VOLTAGE_NEW)) {
          case LOW_VOLTAGE_NEW -> List.of("8", "16");
          case CAPACITY_INCREASE -> List.of("16", "25");
          case EV_CHARGER -> List.of("7");
          default -> List.of("20", "50");
        };
    return kws.stream()
        .map(kw -> new Choice(templates.render("connection.kw", Map.of("kw", kw)), kw))
        .toList();
  }

  /** Image references of the latest message added to those sent before, or none for "跳过". */
  static Optional<String> documents(Tracker tracker, String answer) {
    if (SKIP.matcher(answer.strip()).matches()) {
      return Optional.of(NO_DOCUMENTS);
    }
    List<String> sent =
        tracker.latestMessage().stream()
            .flatMap(m -> m.entities().stream())
            .filter(e -> e.name().equals(MessageProcessor.IMAGE_ENTITY))
            .map(e -> e.value())
            .toList();
    if (!sent.contains(answer)) {
      return Optional.empty();
    }
    Set<String> all = new LinkedHashSet<>(references(tracker));
    all.addAll(sent);
    return Optional.of(String.join("\n", all));
  }

  private static List<String> references(Tracker tracker) {
    return tracker
        .slot(DOCUMENTS)
        .filter(d -> !d.equals(NO_DOCUMENTS))
        .map(d -> Arrays.asList(d.split("\n")))
        .orElse(List.of());
  }

  private Map<String, Object> describe(Tracker tracker) {
    Map<String, Object> values = new HashMap<>();
    values.put("type", type(tracker).map(ApplicationType::label).orElse(""));
    values.put("address", tracker.slot(ADDRESS).orElse(""));
    tracker.slot(CAPACITY).ifPresent(kw -> values.put("kw", kw));
    values.put("name", Masking.name(tracker.slot(APPLICANT).orElse("")));
    values.put("id_last4", tracker.slot(ID_LAST4).orElse(""));
    values.put("phone", ContactPhoneSlot.masked(tracker));
    tracker.slot(AccountSlot.NAME).ifPresent(a -> values.put("account", Masking.account(a)));
    int photos = references(tracker).size();
    if (photos > 0) {
      values.put("photos", photos);
    }
    return values;
  }

  private List<Event> submit(Tracker tracker) {
    ApplicationType type = type(tracker).orElseThrow();
    try {
      Application application =
          applications.submit(
              new ApplicationRequest(
                  type,
                  Conversations.userOf(tracker),
                  tracker.slot(APPLICANT).orElseThrow(),
                  tracker.slot(ID_LAST4).orElseThrow(),
                  tracker.slot(ContactPhoneSlot.NAME).orElseThrow(),
                  tracker.slot(ADDRESS).orElseThrow(),
                  tracker.slot(AccountSlot.NAME).map(AccountNo::new).orElse(null),
                  type.needsCapacity()
                      ? new BigDecimal(tracker.slot(CAPACITY).orElseThrow())
                      : null,
                  new ArrayList<>(references(tracker))));
      Map<String, Object> values = describe(tracker);
      values.put("no", application.no().value());
      return List.of(templates.say("connection.done", values));
    } catch (AccountNotFound e) {
      return List.of(templates.say("connection.account_closed"));
    } catch (IllegalArgumentException e) {
      return List.of(templates.say("connection.refused"));
    }
  }
}
