package io.gridbot.intents.connection;

import io.gridbot.dialog.form.SlotSpec;
import io.gridbot.dialog.nlu.TextNormalizer;
import io.gridbot.dialog.tracker.Tracker;
import io.gridbot.intents.Templates;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The applicant questions every application asks: a name and the last four characters of the ID
 * number. A full ID number is refused with its own message: it must never be kept.
 */
public final class Applicant {

  private static final Pattern NAME = Pattern.compile("[\\p{IsHan}·•A-Za-z ]{2,32}");
  private static final Pattern LAST4 = Pattern.compile("[0-9]{3}[0-9Xx]");
  private static final Pattern FULL_ID = Pattern.compile("[0-9]{17}[0-9Xx]|[0-9]{15}");

  private Applicant() {}

  /** A name slot asked with {@code promptKey}. */
  public static SlotSpec name(String slot, String promptKey, Templates templates) {
    return SlotSpec.named(slot)
        .prompt(templates.prompt(promptKey))
        .retry(templates.prompt("applicant.retry_name"))
        .freeText(32)
        .parser(Applicant::parseName)
        .build();
  }

  /** The ID number's last four characters, refusing a whole ID number with its own message. */
  public static SlotSpec idLast4(String slot, Templates templates) {
    return SlotSpec.named(slot)
        .prompt(templates.prompt("applicant.ask_id"))
        .retry(
            tracker ->
                sentFullId(tracker)
                    ? templates.say("applicant.full_id_refused")
                    : templates.say("applicant.retry_id"))
        .parser(Applicant::parseIdLast4)
        .build();
  }

  static Optional<String> parseName(String text) {
    String t = text.strip();
    return NAME.matcher(t).matches() ? Optional.of(t) : Optional.empty();
  }

  static Optional<String> parseIdLast4(String text) {
    String t = compact(text);
    return LAST4.matcher(t).matches() ? Optional.of(t.toUpperCase()) : Optional.empty();
  }

  private static boolean sentFullId(Tracker tracker) {
    return tracker
        .latestMessage()
        .map(m -> FULL_ID.matcher(compact(m.text())).find())
        .orElse(false);
  }

  private static String compact(String text) {
    return TextNormalizer.toHalfWidth(text).replaceAll("[\\s\\-]", "");
  }
}
