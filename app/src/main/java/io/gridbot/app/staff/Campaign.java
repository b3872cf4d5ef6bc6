package io.gridbot.app.staff;

import io.gridbot.service.notification.Notice;
import io.gridbot.service.subscription.SubscriptionService;
import io.gridbot.service.tag.CustomerTag;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A message to every account with a tag, told to the account's users who subscribed to {@code
 * kind}.
 *
 * <p>Consent: a campaign names a kind that users must opt in to — {@code campaign} for offers, tips
 * and activities; or a service kind ({@code low_balance}, {@code arrears}, {@code outage}, {@code
 * monthly_bill}) for a message about that service — and reaches only users with an active
 * subscription to it for the account (or for all their accounts); the kinds every user gets by
 * default ({@code progress}, {@code payment}) are refused, and an unsubscribe or an unfollow always
 * wins. Campaigns are never urgent, so they wait for the end of each user's quiet hours.
 *
 * @param key the campaign's id, 1 to 64 of {@code [A-Za-z0-9_.-]}: its notices are keyed {@code
 *     campaign:<key>}, so that running it again tells nobody twice and a campaign can never use the
 *     key of a service notice
 * @throws InvalidField naming the first field that is missing or malformed
 */
record Campaign(CustomerTag tag, String kind, String title, String text, String key) {

  static final int MAX_TITLE = 64;
  static final int MAX_TEXT = 500;

  /** The kinds a campaign may name: those nobody gets without subscribing. */
  static final Set<String> KINDS = optInKinds();

  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");

  Campaign {
    Objects.requireNonNull(tag, "tag");
    if (kind == null || kind.isBlank()) {
      throw new InvalidField("kind", "is required, one of " + KINDS);
    }
    if (!KINDS.contains(kind)) {
      throw new InvalidField(
          "kind", "must be a kind users opt in to, one of " + KINDS + " (not on by default)");
    }
    title = required("title", title, MAX_TITLE);
    text = required("text", text, MAX_TEXT);
    if (key == null || !KEY.matcher(key).matches()) {
      throw new InvalidField("key", "must be 1 to 64 of [A-Za-z0-9_.-]");
    }
  }

  /** Reads a staff request: the tag by its exact name. */
  static Campaign of(String tag, String kind, String title, String text, String key) {
    return new Campaign(Tags.parse(tag, "tag"), kind, title, text, key);
  }

  /** The notice every recipient gets. */
  Notice notice() {
    return new Notice(
        kind, noticeKey(), title, text, false, Map.of("campaign", key, "tag", tag.name()));
  }

  String noticeKey() {
    return "campaign:" + key;
  }

  private static String required(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw new InvalidField(field, "is required");
    }
    String trimmed = value.strip();
    if (trimmed.length() > max) {
      throw new InvalidField(field, "must be at most " + max + " characters");
    }
    return trimmed;
  }

  private static Set<String> optInKinds() {
    Set<String> kinds = new TreeSet<>(Notice.KINDS);
    kinds.removeAll(SubscriptionService.ON_BY_DEFAULT);
    return Set.copyOf(kinds);
  }
}
