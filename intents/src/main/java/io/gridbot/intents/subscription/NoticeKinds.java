package io.gridbot.intents.subscription;

import io.gridbot.dialog.Masking;
import io.gridbot.dialog.form.Choice;
import io.gridbot.dialog.tracker.Event;
import io.gridbot.dialog.tracker.Tracker;
import io.gridbot.intents.Conversations;
import io.gridbot.intents.Templates;
import io.gridbot.intents.nlu.NoticeType;
import io.gridbot.service.subscription.Subscription;
import io.gridbot.service.subscription.SubscriptionService;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** What the subscription forms share: the notice kinds' names and the list of subscriptions. */
final class NoticeKinds {

  static final String KIND = "notice_kind";

  /** "我订阅了哪些提醒": the customer asks what they have, not to change it. */
  private static final Pattern ASKS_WHICH =
      Pattern.compile("(哪些|哪几个|什么|啥|列表|查看|查一下|看看|有没有).*(订阅|提醒|通知)|(订阅|订了|开通了).*(哪些|什么|啥)");

  private final Templates templates;
  private final SubscriptionService subscriptions;

  NoticeKinds(Templates templates, SubscriptionService subscriptions) {
    this.templates = templates;
    this.subscriptions = subscriptions;
  }

  /** The customer-facing name of a notice kind. */
  String label(String kind) {
    return templates.render("notice.kind." + kind);
  }

  /** The four kinds a customer subscribes per account, as options. */
  List<Choice> choices(Tracker tracker) {
    return Arrays.stream(NoticeType.values())
        .map(t -> new Choice(label(t.value()), t.value()))
        .toList();
  }

  /** A kind named by an entity value, an option's label or its own name. */
  Optional<String> parse(String text) {
    String t = text.strip();
    return NoticeType.fromValue(t)
        .map(NoticeType::value)
        .or(
            () ->
                Arrays.stream(NoticeType.values())
                    .map(NoticeType::value)
                    .filter(k -> label(k).equals(t))
                    .findFirst());
  }

  /** Whether the latest message asks which subscriptions the customer has. */
  boolean asksWhich(Tracker tracker) {
    return tracker.latestMessage().map(m -> ASKS_WHICH.matcher(m.text()).find()).orElse(false);
  }

  /** The customer's active subscriptions as a card, or a "none" text. */
  List<Event> list(Tracker tracker) {
    List<Subscription> active =
        subscriptions.list(Conversations.userOf(tracker)).stream()
            .filter(Subscription::active)
            .filter(s -> templates.has("notice.kind." + s.kind()))
            .toList();
    if (active.isEmpty()) {
      return List.of(templates.say("subscribe.list_none"));
    }
    List<Map<String, Object>> lines =
        active.stream()
            .map(
                s -> {
                  Map<String, Object> line = new HashMap<>();
                  line.put("kind", label(s.kind()));
                  if (s.accountNo() != null) {
                    line.put("account", Masking.account(s.accountNo().value()));
                  }
                  if (s.threshold() != null) {
                    line.put("threshold", s.threshold().stripTrailingZeros().toPlainString());
                  }
                  return line;
                })
            .toList();
    return List.of(templates.card("subscribe.list", Map.of(), lines, null));
  }
}
