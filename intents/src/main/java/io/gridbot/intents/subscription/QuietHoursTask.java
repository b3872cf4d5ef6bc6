package io.gridbot.intents.subscription;

import io.gridbot.dialog.form.Prompt;
import io.gridbot.dialog.form.SlotSpec;
import io.gridbot.dialog.tracker.Event;
import io.gridbot.dialog.tracker.Tracker;
import io.gridbot.intents.Conversations;
import io.gridbot.intents.Templates;
import io.gridbot.service.subscription.QuietHours;
import io.gridbot.service.subscription.SubscriptionService;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Quiet hours inside the subscription forms: a customer who says "晚上10点到早上7点别给我发消息" or "取消免打扰" is
 * usually read as (un)subscribing, so both forms start with the {@link #TASK} slot, which tells
 * quiet hours from subscriptions by the first message ({@link QuietHoursRequest}). Showing them, or
 * being asked for what is already so (not at night while the night is quiet), is answered at once;
 * setting a window (asked again while it is unclear), turning them off or back to the default is
 * confirmed, then done. Quiet hours belong to the conversation's user, on any channel, and need no
 * bound account.
 */
final class QuietHoursTask {

  /** What the form does: {@link #NOTICES} (subscriptions) or one of the quiet hours changes. */
  static final String TASK = "notice_task";

  static final String NOTICES = "notices";
  static final String SET_WINDOW = "quiet_set";
  static final String TURN_OFF = "quiet_off";
  static final String RESET = "quiet_default";

  /** The window to set, {@code HH:mm-HH:mm} in China time. */
  static final String WINDOW = "quiet_window";

  private final SubscriptionService subscriptions;
  private final Templates templates;

  QuietHoursTask(SubscriptionService subscriptions, Templates templates) {
    this.subscriptions = subscriptions;
    this.templates = templates;
  }

  /** Whether the form runs a quiet hours change rather than a subscription. */
  static boolean active(Tracker t) {
    return t.slot(TASK).filter(task -> !NOTICES.equals(task)).isPresent();
  }

  /** Whether the form subscribes or unsubscribes (its own slots are needed). */
  static boolean notices(Tracker t) {
    return !active(t);
  }

  /**
   * What the latest message asks about quiet hours, before the form starts.
   *
   * @return empty when it is not about quiet hours; an empty list to start the form for a change;
   *     else the answer, and the form does not start
   */
  Optional<List<Event>> guard(Tracker t) {
    Optional<QuietHoursRequest> request = request(t);
    if (request.isEmpty()) {
      return Optional.empty();
    }
    Optional<QuietHours> current = subscriptions.quietHours(Conversations.userOf(t));
    return Optional.of(answer(request.get(), current, t).map(List::of).orElse(List.of()));
  }

  /** The answer that needs no change, if the request is one or asks for what is already so. */
  private Optional<Event> answer(
      QuietHoursRequest request, Optional<QuietHours> current, Tracker t) {
    switch (request) {
      case SHOW:
        return Optional.of(show(current));
      case ON:
        return current
            .filter(QuietHoursTask::coversTheNight)
            .map(q -> templates.say("quiet.already_on", window(q)));
      case OFF:
        return current.isEmpty()
            ? Optional.of(templates.say("quiet.already_off"))
            : Optional.empty();
      case DEFAULT:
        return current
            .filter(QuietHours.DEFAULT::equals)
            .map(q -> templates.say("quiet.already_default", window(q)));
      default:
        return QuietWindow.parse(text(t), base(current))
            .filter(asked -> current.filter(asked::equals).isPresent())
            .map(same -> templates.say("quiet.already_set", window(same)));
    }
  }

  /** The first slot of both forms: quiet hours or subscriptions, taken from the first message. */
  SlotSpec taskSlot() {
    return SlotSpec.named(TASK)
        .prompt(templates.prompt("quiet.ask_window"))
        .parser(text -> Optional.<String>empty())
        .prefill(t -> Optional.of(task(t)))
        .build();
  }

  /** The window, when one is set: from the first message, else asked until it is clear. */
  SlotSpec windowSlot() {
    return SlotSpec.named(WINDOW)
        .prompt(
            t ->
                templates.say(
                    QuietWindow.mentionsTime(text(t)) ? "quiet.retry_window" : "quiet.ask_window"))
        .retry(templates.prompt("quiet.retry_window"))
        .parser((t, text) -> window(t, text))
        .prefill(t -> window(t, text(t)))
        .neededWhen(t -> t.slot(TASK).filter(SET_WINDOW::equals).isPresent())
        .build();
  }

  /** The form's confirmation, or this task's while the customer is changing quiet hours. */
  Prompt confirmOr(Prompt notices) {
    return t -> active(t) ? confirm(t) : notices.say(t);
  }

  /** The form's submission, or this task's while the customer is changing quiet hours. */
  Function<Tracker, List<Event>> submitOr(Function<Tracker, List<Event>> notices) {
    return t -> active(t) ? submit(t) : notices.apply(t);
  }

  /** The form's goodbye on cancel, or this task's while the customer is changing quiet hours. */
  Prompt cancelledOr(Prompt notices) {
    return t -> active(t) ? cancelled(t) : notices.say(t);
  }

  /** A form's own slot, asked only when the form subscribes or unsubscribes. */
  static SlotSpec onlyForNotices(SlotSpec slot) {
    Predicate<Tracker> needed = slot.needed() == null ? t -> true : slot.needed();
    return new SlotSpec(
        slot.name(),
        slot.entity(),
        slot.prompt(),
        slot.retryPrompt(),
        slot.parser(),
        slot.choices(),
        slot.prefill(),
        t -> notices(t) && needed.test(t),
        slot.freeText());
  }

  /** Shows the change and asks to confirm it. */
  Event.BotUttered confirm(Tracker t) {
    String task = t.slot(TASK).orElseThrow();
    return switch (task) {
      case SET_WINDOW -> templates.say("quiet.confirm_set", window(chosen(t)));
      case TURN_OFF -> templates.say("quiet.confirm_off");
      default -> templates.say("quiet.confirm_default", window(QuietHours.DEFAULT));
    };
  }

  /** Makes the change and says what is so now. */
  List<Event> submit(Tracker t) {
    String task = t.slot(TASK).orElseThrow();
    switch (task) {
      case SET_WINDOW -> {
        QuietHours chosen = chosen(t);
        subscriptions.setQuietHours(Conversations.userOf(t), chosen);
        return List.of(templates.say("quiet.done_set", window(chosen)));
      }
      case TURN_OFF -> {
        subscriptions.turnOffQuietHours(Conversations.userOf(t));
        return List.of(templates.say("quiet.done_off"));
      }
      default -> {
        subscriptions.resetQuietHours(Conversations.userOf(t));
        return List.of(templates.say("quiet.done_default", window(QuietHours.DEFAULT)));
      }
    }
  }

  Event.BotUttered cancelled(Tracker t) {
    return templates.say("quiet.cancelled");
  }

  private Optional<QuietHoursRequest> request(Tracker t) {
    return QuietHoursRequest.of(text(t));
  }

  private String task(Tracker t) {
    return request(t)
        .map(
            r ->
                switch (r) {
                  case SET -> SET_WINDOW;
                  case OFF -> TURN_OFF;
                  case DEFAULT, ON -> RESET;
                  case SHOW -> NOTICES; // answered by the guard; never reaches the form
                })
        .orElse(NOTICES);
  }

  private Event.BotUttered show(Optional<QuietHours> current) {
    if (current.isEmpty()) {
      return templates.say("quiet.show_off");
    }
    Map<String, Object> values = window(current.get());
    values.put("default", current.get().equals(QuietHours.DEFAULT));
    return templates.say("quiet.show", values);
  }

  private Optional<String> window(Tracker t, String text) {
    QuietHours current = base(subscriptions.quietHours(Conversations.userOf(t)));
    return QuietWindow.parse(text, current).map(q -> q.start() + "-" + q.end());
  }

  private static QuietHours chosen(Tracker t) {
    return QuietHours.parse(t.slot(WINDOW).orElseThrow());
  }

  /** Whether the hours hold 02:00, so that "夜里不要打扰我" is already so (12:00-14:00 is not). */
  private static boolean coversTheNight(QuietHours hours) {
    LocalTime night = LocalTime.of(2, 0);
    return hours.start().isBefore(hours.end())
        ? !night.isBefore(hours.start()) && night.isBefore(hours.end())
        : !night.isBefore(hours.start()) || night.isBefore(hours.end());
  }

  /** What a start or an end alone is completed from: the current hours, or the default. */
  private static QuietHours base(Optional<QuietHours> current) {
    return current.orElse(QuietHours.DEFAULT);
  }

  /** The window as customers read it: 每天22:00至次日07:00. */
  private Map<String, Object> window(QuietHours hours) {
    Map<String, Object> values = new HashMap<>();
    values.put("start", hours.start().toString());
    values.put("end", hours.end().toString());
    values.put("overnight", hours.end().isBefore(hours.start()));
    values.put("window", templates.render("quiet.window", values));
    return values;
  }

  private static String text(Tracker t) {
    return t.latestMessage().map(Event.UserUttered::text).orElse("");
  }
}
