package io.gridbot.intents.repair;

import io.gridbot.dialog.Masking;
import io.gridbot.dialog.MessageProcessor;
import io.gridbot.dialog.form.Choice;
import io.gridbot.dialog.form.Form;
import io.gridbot.dialog.form.SlotSpec;
import io.gridbot.dialog.nlu.Entity;
import io.gridbot.dialog.tracker.Event;
import io.gridbot.dialog.tracker.Tracker;
import io.gridbot.intents.AccountSlot;
import io.gridbot.intents.Assistant;
import io.gridbot.intents.ContactPhoneSlot;
import io.gridbot.intents.Conversations;
import io.gridbot.intents.Templates;
import io.gridbot.intents.nlu.DomainEntities;
import io.gridbot.service.ServiceException;
import io.gridbot.service.account.Account;
import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.AccountService;
import io.gridbot.service.outage.AreaCode;
import io.gridbot.service.outage.Outage;
import io.gridbot.service.outage.OutageService;
import io.gridbot.service.repair.ContactPhone;
import io.gridbot.service.repair.FaultAreaUnknown;
import io.gridbot.service.repair.FaultReport;
import io.gridbot.service.repair.FaultReportResult;
import io.gridbot.service.repair.GeoPoint;
import io.gridbot.service.repair.RepairService;
import io.gridbot.service.subscription.SubscriptionService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a fault report: where (a bound account, a shared location or an address), what happened,
 * whom to call, optional photos (taken whenever they are sent), confirmation, then {@link
 * RepairService#reportFault}. Danger words get the safety advice first. When the chosen account's
 * area already has an outage, the customer may follow it instead of reporting a duplicate.
 */
public final class ReportFaultForm {

  public static final String NAME = "report_fault_form";
  static final String OPENING = "fault_opening";
  static final String SAFETY = "fault_safety";
  static final String PLACE = "fault_place";
  static final String FOLLOW = "fault_follow";
  static final String DESCRIPTION = "fault_description";
  static final String PHONE = "fault_phone";
  static final String PHOTOS_DONE = "fault_photos_done";
  static final String PHOTO = "fault_photo_";
  static final int MAX_PHOTOS = 9;
  static final String PHONE_ENTITY = io.gridbot.dialog.nlu.entity.PhoneExtractor.ENTITY;

  static final String ACCOUNT_PREFIX = "acct:";
  static final String LOCATION_PREFIX = "loc:";
  static final String ADDRESS_PREFIX = "addr:";

  private static final Logger log = LoggerFactory.getLogger(ReportFaultForm.class);
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
  private static final Pattern DANGER = Pattern.compile("电线落地|掉.{0,2}电线|冒火|着火|起火|冒烟|触电|火花|漏电");
  private static final Pattern FAULT =
      Pattern.compile("停电|没电|断电|跳闸|冒烟|冒火|火花|电线|漏电|短路|烧|故障|不来电|电表.{0,4}(坏|不走|黑)|灯.{0,3}不亮");
  private static final Pattern COORDINATES =
      Pattern.compile("-?[0-9]{1,3}\\.[0-9]+,-?[0-9]{1,3}\\.[0-9]+");
  private static final Pattern ACCOUNT_NO = Pattern.compile("[0-9]{10}|[0-9]{13}");
  private static final Pattern PHOTOS_FINISHED =
      Pattern.compile(".*(不发|没有照片|没照片|不用发|不拍|跳过|发好了|发完了|好了|就这些|没了|继续).*");

  private final RepairService repairs;
  private final OutageService outages;
  private final SubscriptionService subscriptions;
  private final AccountSlot accounts;
  private final AccountService accountService;
  private final Templates templates;
  private final Clock clock;

  private ReportFaultForm(
      RepairService repairs,
      OutageService outages,
      SubscriptionService subscriptions,
      AccountSlot accounts,
      AccountService accountService,
      Templates templates,
      Clock clock) {
    this.accountService = accountService;
    this.repairs = repairs;
    this.outages = outages;
    this.subscriptions = subscriptions;
    this.accounts = accounts;
    this.templates = templates;
    this.clock = clock;
  }

  public static Form create(
      RepairService repairs,
      OutageService outages,
      SubscriptionService subscriptions,
      AccountSlot accounts,
      AccountService accountService,
      Templates templates,
      Clock clock) {
    return new ReportFaultForm(
            repairs, outages, subscriptions, accounts, accountService, templates, clock)
        .form();
  }

  private Form form() {
    Form.Builder form =
        Form.named(NAME)
            .slot(
                // the first message, when it describes the fault, is the description unless told
                SlotSpec.named(OPENING)
                    .prompt(templates.prompt("report_fault.ask_description"))
                    .parser(text -> Optional.<String>empty())
                    .neededWhen(t -> latestText(t).filter(s -> FAULT.matcher(s).find()).isPresent())
                    .prefill(t -> latestText(t).map(ReportFaultForm::clip))
                    .build())
            .slot(
                SlotSpec.named(SAFETY)
                    .prompt(templates.prompt("report_fault.safety"))
                    .choices(
                        t ->
                            List.of(
                                new Choice(
                                    templates.render("report_fault.safety.continue"), "seen")))
                    .parser(text -> Optional.of("seen"))
                    .neededWhen(
                        t ->
                            t.slot(SAFETY).isEmpty()
                                && latestText(t).filter(s -> DANGER.matcher(s).find()).isPresent())
                    .build())
            .slot(
                SlotSpec.named(PLACE)
                    .entity(MessageProcessor.LOCATION_ENTITY)
                    .prompt(
                        t ->
                            templates.say(
                                accounts.boundAccounts(t).isEmpty()
                                    ? "report_fault.ask_where"
                                    : "report_fault.ask_where_accounts"))
                    .retry(templates.prompt("report_fault.retry_where"))
                    .freeText(255)
                    .parser(this::place)
                    .choices(this::accountChoices)
                    .build())
            .slot(
                SlotSpec.named(FOLLOW)
                    .prompt(
                        t ->
                            templates.say(
                                "report_fault.outage_known", outageValues(knownOutage(t).get())))
                    .retry(templates.prompt("report_fault.retry_follow"))
                    .choices(
                        t ->
                            List.of(
                                new Choice(
                                    templates.render("report_fault.follow.option"), "follow"),
                                new Choice(
                                    templates.render("report_fault.report.option"), "report")))
                    .parser(ReportFaultForm::followAnswer)
                    .neededWhen(t -> knownOutage(t).isPresent())
                    .build())
            .slot(
                SlotSpec.named(DESCRIPTION)
                    .prompt(templates.prompt("report_fault.ask_description"))
                    .retry(templates.prompt("report_fault.retry_description"))
                    .freeText(1000)
                    .parser(ReportFaultForm::description)
                    .prefill(t -> t.slot(OPENING))
                    .neededWhen(t -> !following(t))
                    .build())
            .slot(
                SlotSpec.named(PHONE)
                    .entity(PHONE_ENTITY)
                    .prompt(templates.prompt("report_fault.ask_phone"))
                    .retry(templates.prompt("report_fault.retry_phone"))
                    .parser(ReportFaultForm::phone)
                    .choices(this::phoneChoices)
                    .neededWhen(t -> !following(t))
                    .build());
    for (int n = 1; n <= MAX_PHOTOS; n++) {
      int index = n;
      form.slot(
          SlotSpec.named(PHOTO + n)
              .entity(MessageProcessor.IMAGE_ENTITY)
              .prompt(templates.prompt("report_fault.ask_photos"))
              .parser((t, ref) -> photo(t, index, ref))
              .neededWhen(t -> false)
              .build());
    }
    return form.slot(
            SlotSpec.named(PHOTOS_DONE)
                .prompt(
                    templates.prompt(
                        "report_fault.ask_photos", t -> Map.of("count", photos(t).size())))
                .retry(templates.prompt("report_fault.retry_photos"))
                .choices(
                    t ->
                        List.of(
                            new Choice(
                                templates.render(
                                    photos(t).isEmpty()
                                        ? "report_fault.photos.none"
                                        : "report_fault.photos.done"),
                                "done")))
                .parser(
                    text ->
                        PHOTOS_FINISHED.matcher(text).matches()
                            ? Optional.of("done")
                            : Optional.empty())
                .neededWhen(t -> !following(t) && photos(t).size() < MAX_PHOTOS)
                .build())
        .confirm(this::confirmation)
        .submit(this::submit)
        .cancelled(templates.prompt("report_fault.cancelled"))
        .giveUp(Assistant.giveUp(templates))
        .build();
  }

  // ---- slots ----

  private Optional<String> place(Tracker tracker, String answer) {
    String text = answer.strip();
    if (COORDINATES.matcher(text).matches()) {
      String label =
          latestEntity(tracker, MessageProcessor.LOCATION_ENTITY).map(Entity::text).orElse("");
      return Optional.of(LOCATION_PREFIX + text + "|" + label);
    }
    if (ACCOUNT_NO.matcher(text).matches()) {
      return accounts.boundAccounts(tracker).stream()
          .filter(no -> no.value().equals(text))
          .findFirst()
          .map(no -> ACCOUNT_PREFIX + no.value());
    }
    Optional<String> address =
        latestEntity(tracker, DomainEntities.ADDRESS)
            .map(Entity::value)
            .filter(a -> a.length() <= 255);
    if (address.isPresent()) {
      return Optional.of(ADDRESS_PREFIX + address.get());
    }
    if (text.length() < 4 || text.length() > 255 || text.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    return Optional.of(ADDRESS_PREFIX + text);
  }

  private List<Choice> accountChoices(Tracker tracker) {
    List<Choice> choices = new ArrayList<>();
    for (AccountNo no : accounts.boundAccounts(tracker)) {
      String address = accountService.find(no).map(Account::address).orElse("");
      choices.add(
          new Choice(
              templates.render(
                  "report_fault.account.option",
                  Map.of("account", Masking.account(no.value()), "address", address)),
              ACCOUNT_PREFIX + no.value()));
    }
    return choices;
  }

  private static Optional<String> followAnswer(String text) {
    if (text.contains("跟进") || text.contains("通知")) {
      return Optional.of("follow");
    }
    if (text.contains("报修")) {
      return Optional.of("report");
    }
    return Optional.empty();
  }

  private static Optional<String> description(String text) {
    String t = text.strip();
    if (t.length() < 2 || t.length() > 1000) {
      return Optional.empty();
    }
    return Optional.of(t);
  }

  /** A mobile (11 digits) or a landline with its area code; spaces, hyphens and +86 dropped. */
  static Optional<String> phone(String text) {
    return ContactPhoneSlot.digits(text);
  }

  private List<Choice> phoneChoices(Tracker tracker) {
    return chosenAccount(tracker)
        .map(Account::registeredPhone)
        .filter(p -> phone(p).isPresent())
        .map(
            p ->
                List.of(
                    new Choice(
                        templates.render(
                            "report_fault.phone.option", Map.of("phone", Masking.phone(p))),
                        phone(p).get())))
        .orElse(List.of());
  }

  /** Photo slots fill one after another: the n-th only once the (n-1)-th is there, never twice. */
  private static Optional<String> photo(Tracker tracker, int n, String ref) {
    if (tracker.slot(PHOTO + n).isPresent()
        || (n > 1 && tracker.slot(PHOTO + (n - 1)).isEmpty())
        || photos(tracker).contains(ref)
        || ref.isBlank()
        || ref.length() > 512) {
      return Optional.empty();
    }
    return Optional.of(ref);
  }

  static List<String> photos(Tracker tracker) {
    List<String> refs = new ArrayList<>();
    for (int n = 1; n <= MAX_PHOTOS; n++) {
      tracker.slot(PHOTO + n).ifPresent(refs::add);
    }
    return refs;
  }

  // ---- state ----

  private static boolean following(Tracker tracker) {
    return tracker.slot(FOLLOW).filter("follow"::equals).isPresent();
  }

  private static Optional<AccountNo> chosenAccountNo(Tracker tracker) {
    return tracker
        .slot(PLACE)
        .filter(p -> p.startsWith(ACCOUNT_PREFIX))
        .map(p -> new AccountNo(p.substring(ACCOUNT_PREFIX.length())));
  }

  private Optional<Account> chosenAccount(Tracker tracker) {
    return chosenAccountNo(tracker).flatMap(accountService::find);
  }

  /** The outage covering the chosen account's area now, if any. */
  private Optional<Outage> knownOutage(Tracker tracker) {
    Optional<Account> account = chosenAccount(tracker);
    if (account.isEmpty() || account.get().areaCode().isBlank()) {
      return Optional.empty();
    }
    try {
      return outages.covering(new AreaCode(account.get().areaCode()), clock.instant());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private Map<String, Object> outageValues(Outage outage) {
    Map<String, Object> values = new HashMap<>();
    values.put("reason", outage.reason());
    if (outage.expectedEnd() != null) {
      values.put("eta", time(outage.expectedEnd()));
    }
    return values;
  }

  private String where(Tracker tracker) {
    String place = tracker.slot(PLACE).orElse("");
    if (place.startsWith(ACCOUNT_PREFIX)) {
      String no = place.substring(ACCOUNT_PREFIX.length());
      return templates.render(
          "report_fault.where.account",
          Map.of(
              "account",
              Masking.account(no),
              "address",
              accountService.find(new AccountNo(no)).map(Account::address).orElse("")));
    }
    if (place.startsWith(LOCATION_PREFIX)) {
      String label = place.substring(place.indexOf('|') + 1);
      return templates.render("report_fault.where.location", Map.of("label", label));
    }
    return place.substring(Math.min(place.length(), ADDRESS_PREFIX.length()));
  }

  // ---- confirmation and submission ----

  private Event.BotUttered confirmation(Tracker tracker) {
    if (following(tracker)) {
      return templates.say(
          "report_fault.confirm_follow",
          Map.of(
              "account",
              Masking.account(chosenAccountNo(tracker).map(AccountNo::value).orElse(""))));
    }
    Map<String, Object> values = new HashMap<>();
    values.put("where", where(tracker));
    values.put("description", Masking.text(tracker.slot(DESCRIPTION).orElse("")));
    values.put("phone", Masking.phone(tracker.slot(PHONE).orElse("")));
    int photos = photos(tracker).size();
    if (photos > 0) {
      values.put("photos", photos);
    }
    return templates.say("report_fault.confirm", values);
  }

  private List<Event> submit(Tracker tracker) {
    if (following(tracker)) {
      return follow(tracker);
    }
    FaultReport report;
    try {
      report = report(tracker);
    } catch (IllegalArgumentException e) {
      log.warn("fault report of {} could not be built: {}", tracker.conversation(), e.getMessage());
      return List.of(templates.say("report_fault.failed"));
    }
    try {
      FaultReportResult result = repairs.reportFault(report);
      return List.of(reply(result));
    } catch (FaultAreaUnknown e) {
      return List.of(templates.say("report_fault.area_unknown"));
    } catch (ServiceException | IllegalArgumentException e) {
      log.warn("fault report of {} refused: {}", tracker.conversation(), e.toString());
      return List.of(templates.say("report_fault.failed"));
    }
  }

  private List<Event> follow(Tracker tracker) {
    AccountNo no = chosenAccountNo(tracker).orElseThrow();
    try {
      subscriptions.subscribe(Conversations.userOf(tracker), SubscriptionService.OUTAGE, no);
      return List.of(
          templates.say("report_fault.following", Map.of("account", Masking.account(no.value()))));
    } catch (ServiceException | IllegalArgumentException e) {
      log.warn("outage follow of {} refused: {}", tracker.conversation(), e.toString());
      return List.of(templates.say("report_fault.failed"));
    }
  }

  private FaultReport report(Tracker tracker) {
    String place = tracker.slot(PLACE).orElseThrow();
    AccountNo accountNo = chosenAccountNo(tracker).orElse(null);
    GeoPoint location = null;
    String address = null;
    if (place.startsWith(LOCATION_PREFIX)) {
      String[] coords = place.substring(LOCATION_PREFIX.length(), place.indexOf('|')).split(",");
      location =
          new GeoPoint(
              new BigDecimal(coords[0]).setScale(6, java.math.RoundingMode.HALF_UP),
              new BigDecimal(coords[1]).setScale(6, java.math.RoundingMode.HALF_UP));
      String label = place.substring(place.indexOf('|') + 1);
      address = label.isBlank() ? null : clipAddress(label);
    } else if (place.startsWith(ADDRESS_PREFIX)) {
      address = clipAddress(place.substring(ADDRESS_PREFIX.length()));
    }
    return new FaultReport(
        Conversations.userOf(tracker),
        accountNo,
        null,
        location,
        address,
        tracker.slot(DESCRIPTION).orElseThrow(),
        photos(tracker),
        new ContactPhone(tracker.slot(PHONE).orElseThrow()));
  }

  private Event.BotUttered reply(FaultReportResult result) {
    if (result instanceof FaultReportResult.TicketOpened opened) {
      return templates.say(
          "report_fault.ticket_opened", Map.of("ticket", opened.ticket().ticketNo().value()));
    }
    if (result instanceof FaultReportResult.OutageDetected detected) {
      return templates.say(
          "report_fault.outage_detected", Map.of("ticket", detected.ticket().ticketNo().value()));
    }
    FaultReportResult.LinkedToOutage linked = (FaultReportResult.LinkedToOutage) result;
    return templates.say("report_fault.linked_to_outage", outageValues(linked.outage()));
  }

  // ---- helpers ----

  private static Optional<String> latestText(Tracker tracker) {
    return tracker
        .latestMessage()
        .map(Event.UserUttered::text)
        .map(String::strip)
        .filter(s -> !s.isEmpty());
  }

  private static Optional<Entity> latestEntity(Tracker tracker, String type) {
    return tracker.latestMessage().stream()
        .flatMap(m -> m.entities().stream())
        .filter(e -> e.name().equals(type))
        .findFirst();
  }

  private static String clip(String text) {
    return text.length() > 1000 ? text.substring(0, 1000) : text;
  }

  private static String clipAddress(String text) {
    String t = text.strip();
    return t.length() > 255 ? t.substring(0, 255) : t;
  }

  private static String time(Instant instant) {
    return HH_MM.format(instant.atZone(CHINA));
  }
}
