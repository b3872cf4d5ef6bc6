package io.gridbot.intents.subscription;

import io.gridbot.dialog.form.Form;
import io.gridbot.dialog.form.SlotSpec;
import io.gridbot.dialog.tracker.Event;
import io.gridbot.dialog.tracker.Tracker;
import io.gridbot.intents.AccountSlot;
import io.gridbot.intents.Assistant;
import io.gridbot.intents.Conversations;
import io.gridbot.intents.Templates;
import io.gridbot.intents.nlu.DomainEntities;
import io.gridbot.service.account.AccountNo;
import io.gridbot.service.subscription.SubscriptionNotFound;
import io.gridbot.service.subscription.SubscriptionService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Stops alerts: one kind for one account (which kind, which account, confirm), or every alert when
 * the customer says so ("别再给我发任何通知了", confirm, then {@link SubscriptionService#stopAll}). Asked
 * which alerts they have, lists them instead; about quiet hours ("晚上10点到早上7点别给我发消息", "取消免打扰"),
 * shows or changes those ({@link QuietHoursTask}).
 */
public final class UnsubscribeNoticeForm {

  public static final String NAME = "unsubscribe_notice_form";
  static final String SCOPE = "unsubscribe_scope";
  static final String ALL = "all";
  static final String ONE = "one";

  private static final Pattern EVERYTHING =
      Pattern.compile("(任何|所有|全部|一切|什么)(的)?(通知|提醒|消息|短信)|全部退订|都退订|全都不要|都不要");

  private UnsubscribeNoticeForm() {}

  public static Form create(
      SubscriptionService subscriptions, AccountSlot account, Templates templates) {
    NoticeKinds kinds = new NoticeKinds(templates, subscriptions);
    QuietHoursTask quiet = new QuietHoursTask(subscriptions, templates);
    return Form.named(NAME)
        .guard(
            t ->
                quiet
                    .guard(t)
                    .orElseGet(
                        () -> {
                          if (kinds.asksWhich(t)) {
                            return kinds.list(t);
                          }
                          return everything(t) ? List.of() : account.requireBound(t);
                        }))
        .slot(quiet.taskSlot())
        .slot(quiet.windowSlot())
        .slot(
            QuietHoursTask.onlyForNotices(
                SlotSpec.named(SCOPE)
                    .prompt(templates.prompt("unsubscribe.which_kind"))
                    .parser(text -> Optional.<String>empty())
                    .prefill(t -> Optional.of(everything(t) ? ALL : ONE))
                    .build()))
        .slot(
            SlotSpec.named(NoticeKinds.KIND)
                .entity(DomainEntities.NOTICE_TYPE)
                .prompt(templates.prompt("unsubscribe.which_kind"))
                .retry(templates.prompt("subscribe.retry_kind"))
                .parser(kinds::parse)
                .choices(kinds::choices)
                .neededWhen(UnsubscribeNoticeForm::one)
                .build())
        .slot(withNeeded(account.slot("unsubscribe.which_account")))
        .confirm(
            quiet.confirmOr(
                t ->
                    one(t)
                        ? templates.say("unsubscribe.confirm", values(t, kinds, account))
                        : templates.say("unsubscribe.confirm_all")))
        .submit(quiet.submitOr(t -> submit(t, subscriptions, kinds, account, templates)))
        .cancelled(quiet.cancelledOr(t -> templates.say("unsubscribe.cancelled")))
        .giveUp(Assistant.giveUp(templates))
        .build();
  }

  /** The account slot, asked only when one kind is stopped and the user has bound accounts. */
  private static SlotSpec withNeeded(SlotSpec slot) {
    return new SlotSpec(
        slot.name(),
        slot.entity(),
        slot.prompt(),
        slot.retryPrompt(),
        slot.parser(),
        slot.choices(),
        slot.prefill(),
        UnsubscribeNoticeForm::one,
        slot.freeText());
  }

  private static boolean everything(Tracker t) {
    return t.latestMessage().filter(m -> EVERYTHING.matcher(m.text()).find()).isPresent();
  }

  private static boolean one(Tracker t) {
    return t.slot(SCOPE).filter(ONE::equals).isPresent();
  }

  private static Map<String, Object> values(Tracker t, NoticeKinds kinds, AccountSlot account) {
    Map<String, Object> values = new HashMap<>(account.describe(t));
    values.put("kind", kinds.label(t.slot(NoticeKinds.KIND).orElseThrow()));
    return values;
  }

  private static List<Event> submit(
      Tracker t,
      SubscriptionService subscriptions,
      NoticeKinds kinds,
      AccountSlot account,
      Templates templates) {
    if (!one(t)) {
      subscriptions.stopAll(Conversations.userOf(t));
      return List.of(templates.say("unsubscribe.done_all"));
    }
    AccountNo no = new AccountNo(t.slot(AccountSlot.NAME).orElseThrow());
    String kind = t.slot(NoticeKinds.KIND).orElseThrow();
    try {
      subscriptions.unsubscribe(Conversations.userOf(t), kind, no);
    } catch (SubscriptionNotFound e) {
      return List.of(templates.say("unsubscribe.not_subscribed", values(t, kinds, account)));
    }
    return List.of(templates.say("unsubscribe.done", values(t, kinds, account)));
  }
}
