package io.gridbot.intents;

import io.gridbot.dialog.Masking;
import io.gridbot.dialog.form.Choice;
import io.gridbot.dialog.form.SlotSpec;
import io.gridbot.dialog.nlu.TextNormalizer;
import io.gridbot.dialog.nlu.entity.PhoneExtractor;
import io.gridbot.dialog.tracker.Tracker;
import io.gridbot.service.account.Account;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The "which phone may we call" question of tasks that send someone or call back: a phone named in
 * any message is taken; the account's registered phone is offered, masked, as the first choice.
 */
public final class ContactPhoneSlot {

  /** The slot's name in every task: a mainland mobile or a landline with area code. */
  public static final String NAME = "contact_phone";

  private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");
  private static final Pattern LANDLINE = Pattern.compile("0[0-9]{2,3}-?[0-9]{7,8}");
  private static final Pattern LANDLINE_DIGITS = Pattern.compile("0[0-9]{9,11}");

  private final Templates templates;

  public ContactPhoneSlot(Templates templates) {
    this.templates = templates;
  }

  /**
   * The phone slot.
   *
   * @param account the account whose registered phone is offered, when the task knows one
   */
  public SlotSpec slot(Function<Tracker, Optional<Account>> account) {
    return SlotSpec.named(NAME)
        .entity(PhoneExtractor.ENTITY)
        .prompt(templates.prompt("contact_phone.ask"))
        .retry(templates.prompt("contact_phone.retry"))
        .parser(ContactPhoneSlot::parse)
        .choices(
            tracker ->
                account.apply(tracker).map(Account::registeredPhone).stream()
                    .filter(p -> parse(p).isPresent())
                    .map(
                        p ->
                            new Choice(
                                templates.render(
                                    "contact_phone.registered", Map.of("phone", Masking.phone(p))),
                                p))
                    .toList())
        .build();
  }

  /** The phone in an answer: digits of a mobile, or a landline with area code. */
  public static Optional<String> parse(String text) {
    String t = TextNormalizer.toHalfWidth(text).replaceAll("[\\s()（）]", "");
    if (MOBILE.matcher(t.replace("-", "")).matches()) {
      return Optional.of(t.replace("-", ""));
    }
    return LANDLINE.matcher(t).matches() ? Optional.of(t) : Optional.empty();
  }

  /**
   * A callback number as digits only: a mobile (11 digits) or a landline with its area code;
   * spaces, hyphens and +86 dropped. What the fault report and the complaint keep.
   */
  public static Optional<String> digits(String text) {
    String digits = text.strip().replaceAll("[\\s-]", "");
    if (digits.startsWith("+86")) {
      digits = digits.substring(3);
    }
    return MOBILE.matcher(digits).matches() || LANDLINE_DIGITS.matcher(digits).matches()
        ? Optional.of(digits)
        : Optional.empty();
  }

  /** The phone masked for a confirmation: 138****0001. */
  public static String masked(Tracker tracker) {
    return Masking.phone(tracker.slot(NAME).orElse(""));
  }
}
