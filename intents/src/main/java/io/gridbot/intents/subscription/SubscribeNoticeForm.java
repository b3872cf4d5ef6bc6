package io.gridbot.intents.subscription;

import io.gridbot.dialog.form.Form;
import io.gridbot.dialog.form.SlotSpec;
import io.gridbot.dialog.nlu.TextNormalizer;
import io.gridbot.dialog.tracker.Event;
import io.gridbot.dialog.tracker.Tracker;
import io.gridbot.intents.AccountSlot;
import io.gridbot.intents.Assistant;
import io.gridbot.intents.Conversations;
import io.gridbot.intents.Templates;
import io.gridbot.intents.nlu.DomainEntities;
import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.BindingNotFound;
import io.gridbot.service.subscription.Subscription;
import io.gridbot.service.subscription.SubscriptionNotAllowed;
import io.gridbot.service.subscription.SubscriptionService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Subscribes to an alert: which kind, for which account, for low balance below how much (20 yuan
 * unless the customer names an amount, also at the confirmation), a confirmation, then the
 * subscription. Asked which alerts they have, lists them instead; about quiet hours ("晚上10点以后别发了"),
 * shows or changes those ({@link QuietHoursTask}).
 */
public final class SubscribeNoticeForm {

  public static final String NAME = "subscribe_notice_form";
  static final String THRESHOLD = "threshold";
  static final BigDecimal MAX_THRESHOLD = new BigDecimal("9999.99");

  private SubscribeNoticeForm() {}

  public static Form create(
      SubscriptionService subscriptions, AccountSlot account, Templates templates) {
    NoticeKinds kinds = new NoticeKinds(templates, subscriptions);
    QuietHoursTask quiet = new QuietHoursTask(subscriptions, templates);
    return Form.named(NAME)
        .guard(
            t ->
                quiet
                    .guard(t)
                    .orElseGet(() -> kinds.asksWhich(t) ? kinds.list(t) : account.requireBound(t)))
        .slot(quiet.taskSlot())
        .slot(quiet.windowSlot())
        .slot(
            QuietHoursTask.onlyForNotices(
                SlotSpec.named(NoticeKinds.KIND)
                    .entity(DomainEntities.NOTICE_TYPE)
                    .prompt(templates.prompt("subscribe.which_kind"))
                    .retry(templates.prompt("subscribe.retry_kind"))
                    .parser(kinds::parse)
                    .choices(kinds::choices)
                    .build()))
        .slot(QuietHoursTask.onlyForNotices(account.slot("subscribe.which_account")))
        .slot(
            QuietHoursTask.onlyForNotices(
                SlotSpec.named(THRESHOLD)
                    .entity("amount")
                    .prompt(templates.prompt("subscribe.ask_threshold"))
                    .retry(templates.prompt("subscribe.retry_threshold"))
                    .parser(SubscribeNoticeForm::threshold)
                    .prefill(
                        t ->
                            Optional.of(Subscription.DEFAULT_LOW_BALANCE_THRESHOLD.toPlainString()))
                    .neededWhen(SubscribeNoticeForm::isLowBalance)
                    .build()))
        .confirm(
            quiet.confirmOr(
                t ->
                    templates.say(
                        isLowBalance(t) ? "subscribe.confirm_low_balance" : "subscribe.confirm",
                        values(t, kinds, account))))
        .submit(quiet.submitOr(t -> submit(t, subscriptions, kinds, account, templates)))
        .cancelled(quiet.cancelledOr(t -> templates.say("subscribe.cancelled")))
        .giveUp(Assistant.giveUp(templates))
        .build();
  }

  private static boolean isLowBalance(Tracker t) {
    return t.slot(NoticeKinds.KIND).filter(SubscriptionService.LOW_BALANCE::equals).isPresent();
  }

  /** A threshold in yuan: an amount entity's value or a plain number, 0 to 9999.99. */
  static Optional<String> threshold(String text) {
    String t = TextNormalizer.toHalfWidth(text).strip().replaceAll("(元|块钱|块)$", "");
    try {
      BigDecimal yuan = new BigDecimal(t).setScale(2, RoundingMode.HALF_UP);
      return yuan.signum() < 0 || yuan.compareTo(MAX_THRESHOLD) > 0
          ? Optional.empty()
          : Optional.of(yuan.toPlainString());
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Map<String, Object> values(Tracker t, NoticeKinds kinds, AccountSlot account) {
    Map<String, Object> values = new HashMap<>(account.describe(t));
    values.put("kind", kinds.label(t.slot(NoticeKinds.KIND).orElseThrow()));
    t.slot(THRESHOLD)
        .ifPresent(
            v -> values.put("threshold", new BigDecimal(v).stripTrailingZeros().toPlainString()));
    return values;
  }

  private static List<Event> submit(
      Tracker t,
      SubscriptionService subscriptions,
      NoticeKinds kinds,
      AccountSlot account,
      Templates templates) {
    String kind = t.slot(NoticeKinds.KIND).orElseThrow();
    AccountNo no = new AccountNo(t.slot(AccountSlot.NAME).orElseThrow());
    try {
      if (isLowBalance(t)) {
        subscriptions.subscribeLowBalance(
            Conversations.userOf(t), no, new BigDecimal(t.slot(THRESHOLD).orElseThrow()));
      } else {
        subscriptions.subscribe(Conversations.userOf(t), kind, no);
      }
    } catch (BindingNotFound e) {
      return List.of(templates.say("subscribe.not_bound", account.describe(t)));
    } catch (SubscriptionNotAllowed e) {
      return List.of(templates.say("subscribe.not_allowed", values(t, kinds, account)));
    }
    return List.of(
        templates.say(
            isLowBalance(t) ? "subscribe.done_low_balance" : "subscribe.done",
            values(t, kinds, account)));
  }
}
