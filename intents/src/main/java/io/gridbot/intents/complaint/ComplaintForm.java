package io.gridbot.intents.complaint;

import io.gridbot.dialog.Masking;
import io.gridbot.dialog.form.Choice;
import io.gridbot.dialog.form.Form;
import io.gridbot.dialog.form.SlotSpec;
import io.gridbot.dialog.nlu.entity.PhoneExtractor;
import io.gridbot.dialog.tracker.Event;
import io.gridbot.dialog.tracker.Tracker;
import io.gridbot.intents.Assistant;
import io.gridbot.intents.ContactPhoneSlot;
import io.gridbot.intents.Conversations;
import io.gridbot.intents.Templates;
import io.gridbot.service.ServiceException;
import io.gridbot.service.account.Account;
import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.BindingService;
import io.gridbot.service.complaint.Complaint;
import io.gridbot.service.complaint.ComplaintCategory;
import io.gridbot.service.complaint.ComplaintService;
import io.gridbot.service.complaint.NewComplaint;
import io.gridbot.service.repair.ContactPhone;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a complaint or suggestion as a numbered ticket: category (from the message's words or a
 * choice), what happened (the first message serves when it says more than "I want to complain"), a
 * contact phone (the default account's registered phone offered), confirmation, then {@link
 * ComplaintService#file}. The default bound account, if any, is attached; none is required.
 */
public final class ComplaintForm {

  public static final String NAME = "complaint_form";
  static final String OPENING = "complaint_opening";
  static final String CATEGORY = "complaint_category";
  static final String CONTENT = "complaint_content";
  static final String PHONE = "complaint_phone";

  private static final Logger log = LoggerFactory.getLogger(ComplaintForm.class);

  /** Words that only say "I want to complain": what remains must be content. */
  private static final Pattern FILLER =
      Pattern.compile("我|要|想|需要|投诉|建议|举报|反映|意见|提|一下|一个|个|下|你们|的|了|，|。|！|!|,|\\s");

  private static final int MIN_CONTENT = 4;
  private static final Map<ComplaintCategory, Pattern> KEYWORDS = keywords();

  private final BindingService bindings;
  private final ComplaintService complaints;
  private final Templates templates;

  private ComplaintForm(BindingService bindings, ComplaintService complaints, Templates templates) {
    this.bindings = bindings;
    this.complaints = complaints;
    this.templates = templates;
  }

  public static Form create(
      BindingService bindings, ComplaintService complaints, Templates templates) {
    return new ComplaintForm(bindings, complaints, templates).form();
  }

  private Form form() {
    return Form.named(NAME)
        .slot(
            // the first message is the content when it says more than "I want to complain"
            SlotSpec.named(OPENING)
                .prompt(templates.prompt("complaint.ask_content"))
                .parser(text -> Optional.<String>empty())
                .neededWhen(t -> latestText(t).filter(ComplaintForm::saysMore).isPresent())
                .prefill(t -> latestText(t).map(s -> s.length() > 1000 ? s.substring(0, 1000) : s))
                .build())
        .slot(
            SlotSpec.named(CATEGORY)
                .prompt(templates.prompt("complaint.ask_category"))
                .retry(templates.prompt("complaint.retry_category"))
                .parser(text -> categoryOf(text).map(Enum::name))
                .choices(t -> categoryChoices())
                .prefill(t -> latestText(t).flatMap(ComplaintForm::categoryOf).map(Enum::name))
                .build())
        .slot(
            SlotSpec.named(CONTENT)
                .prompt(templates.prompt("complaint.ask_content"))
                .retry(templates.prompt("complaint.retry_content"))
                // not free text: a complaint about bills must not be taken for a bill question
                .parser(ComplaintForm::content)
                .prefill(t -> t.slot(OPENING))
                .build())
        .slot(
            SlotSpec.named(PHONE)
                .entity(PhoneExtractor.ENTITY)
                .prompt(templates.prompt("complaint.ask_phone"))
                .retry(templates.prompt("complaint.retry_phone"))
                .parser(ComplaintForm::phone)
                .choices(this::phoneChoices)
                .build())
        .confirm(this::confirmation)
        .submit(this::submit)
        .cancelled(templates.prompt("complaint.cancelled"))
        .giveUp(Assistant.giveUp(templates))
        .build();
  }

  static boolean saysMore(String text) {
    return FILLER.matcher(text).replaceAll("").length() >= 6;
  }

  static Optional<ComplaintCategory> categoryOf(String text) {
    return KEYWORDS.entrySet().stream()
        .filter(e -> e.getValue().matcher(text).find())
        .map(Map.Entry::getKey)
        .findFirst();
  }

  private List<Choice> categoryChoices() {
    return Arrays.stream(ComplaintCategory.values())
        .map(c -> new Choice(templates.render("complaint.category." + c.name()), c.name()))
        .toList();
  }

  private static Optional<String> content(String text) {
    String t = text.strip();
    return t.length() < MIN_CONTENT || t.length() > 1000 ? Optional.empty() : Optional.of(t);
  }

  static Optional<String> phone(String text) {
    return ContactPhoneSlot.digits(text);
  }

  private List<Choice> phoneChoices(Tracker tracker) {
    return defaultAccount(tracker)
        .map(Account::registeredPhone)
        .flatMap(ComplaintForm::phone)
        .map(
            p ->
                List.of(
                    new Choice(
                        templates.render(
                            "complaint.phone.option", Map.of("phone", Masking.phone(p))),
                        p)))
        .orElse(List.of());
  }

  private Optional<Account> defaultAccount(Tracker tracker) {
    return bindings.defaultAccount(Conversations.userOf(tracker));
  }

  private Event.BotUttered confirmation(Tracker tracker) {
    return templates.say(
        "complaint.confirm",
        Map.of(
            "category",
            templates.render("complaint.category." + tracker.slot(CATEGORY).orElseThrow()),
            "content",
            Masking.text(tracker.slot(CONTENT).orElseThrow()),
            "phone",
            Masking.phone(tracker.slot(PHONE).orElseThrow())));
  }

  private List<Event> submit(Tracker tracker) {
    try {
      AccountNo account = defaultAccount(tracker).map(Account::accountNo).orElse(null);
      Complaint filed =
          complaints.file(
              new NewComplaint(
                  tracker.activeFormId().orElse(null),
                  Conversations.userOf(tracker),
                  account,
                  ComplaintCategory.valueOf(tracker.slot(CATEGORY).orElseThrow()),
                  tracker.slot(CONTENT).orElseThrow(),
                  new ContactPhone(tracker.slot(PHONE).orElseThrow())));
      return List.of(
          templates.say("complaint.filed", Map.of("complaint", filed.complaintNo().value())));
    } catch (ServiceException | IllegalArgumentException e) {
      log.warn("complaint of {} refused: {}", tracker.conversation(), e.toString());
      return List.of(templates.say("complaint.failed"));
    }
  }

  private static Optional<String> latestText(Tracker tracker) {
    return tracker
        .latestMessage()
        .map(Event.UserUttered::text)
        .map(String::strip)
        .filter(s -> !s.isEmpty());
  }

  private static Map<ComplaintCategory, Pattern> keywords() {
    Map<ComplaintCategory, Pattern> k = new LinkedHashMap<>();
    k.put(ComplaintCategory.SERVICE_ATTITUDE, Pattern.compile("态度|服务差|骂|凶|不耐烦|爱理不理|推诿|服务态度"));
    k.put(ComplaintCategory.METER_READING, Pattern.compile("抄表|估抄|估的|表数|读数|电表"));
    k.put(ComplaintCategory.BILLING, Pattern.compile("电费|收费|多收|乱收|账单|扣费|扣款|计费|缴费"));
    k.put(ComplaintCategory.POWER_QUALITY, Pattern.compile("电压|忽明忽暗|闪|经常停电|频繁停电|老停电|总停电|跳闸|供电质量"));
    return k;
  }
}
