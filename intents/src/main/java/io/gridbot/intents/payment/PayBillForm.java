package io.gridbot.intents.payment;

import io.gridbot.dialog.Masking;
import io.gridbot.dialog.form.Choice;
import io.gridbot.dialog.form.Form;
import io.gridbot.dialog.form.SlotSpec;
import io.gridbot.dialog.nlu.TextNormalizer;
import io.gridbot.dialog.nlu.entity.AmountExtractor;
import io.gridbot.dialog.tracker.Event;
import io.gridbot.dialog.tracker.Tracker;
import io.gridbot.intents.AccountSlot;
import io.gridbot.intents.Assistant;
import io.gridbot.intents.AssistantSettings;
import io.gridbot.intents.Conversations;
import io.gridbot.intents.Templates;
import io.gridbot.intents.nlu.DomainEntities;
import io.gridbot.service.account.Account;
import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.AccountNotFound;
import io.gridbot.service.account.BillingMode;
import io.gridbot.service.payment.PaymentAmountOutOfRange;
import io.gridbot.service.payment.PaymentChannel;
import io.gridbot.service.payment.PaymentOrder;
import io.gridbot.service.payment.PaymentService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Pays a bill or tops up prepaid credit: which account, how much (a postpaid account is offered its
 * arrears, a prepaid one a few usual amounts), a confirmation, then a payment order and a link to
 * its payment page.
 */
public final class PayBillForm {

  public static final String NAME = "pay_bill_form";
  static final String AMOUNT = "amount";

  static final BigDecimal MIN = new BigDecimal("0.01");
  static final BigDecimal MAX = new BigDecimal("50000.00");
  static final List<String> TOP_UPS = List.of("50", "100", "200");

  private static final Pattern PLAIN_AMOUNT =
      Pattern.compile("[￥¥]?([0-9]{1,9}(?:\\.[0-9]{1,2})?)\\s*(?:元|块钱?|块)?");

  private PayBillForm() {}

  public static Form create(
      AccountSlot accountSlot,
      PaymentService payments,
      Templates templates,
      AssistantSettings settings) {
    return Form.named(NAME)
        .guard(tracker -> guard(tracker, accountSlot, templates))
        .slot(accountSlot.slot("account.which"))
        .slot(
            SlotSpec.named(AMOUNT)
                .entity(AmountExtractor.ENTITY)
                .prompt(tracker -> askAmount(tracker, accountSlot, templates))
                .retry(templates.prompt("pay.retry_amount"))
                .parser(PayBillForm::amount)
                .choices(tracker -> choices(tracker, accountSlot, templates))
                .build())
        .confirm(
            templates.prompt(
                "pay.confirm",
                tracker -> {
                  Map<String, Object> values =
                      new java.util.HashMap<>(accountSlot.describe(tracker));
                  values.put("amount", tracker.slot(AMOUNT).orElse(""));
                  return values;
                }))
        .submit(tracker -> submit(tracker, payments, templates, settings))
        .cancelled(templates.prompt("pay.cancelled"))
        .giveUp(Assistant.giveUp(templates))
        .build();
  }

  /** Refuses when nothing is bound, or when the message names an account not bound to the user. */
  private static List<Event> guard(Tracker tracker, AccountSlot accountSlot, Templates templates) {
    List<Event> refused = accountSlot.requireBound(tracker);
    if (!refused.isEmpty()) {
      return refused;
    }
    Optional<String> named =
        tracker.latestMessage().stream()
            .flatMap(m -> m.entities().stream())
            .filter(e -> e.name().equals(DomainEntities.ACCOUNT_NO))
            .map(e -> e.value())
            .findFirst();
    if (named.isPresent()
        && accountSlot.boundAccounts(tracker).stream()
            .noneMatch(no -> no.value().equals(named.get()))) {
      return List.of(
          templates.say("pay.not_bound_account", Map.of("account", Masking.account(named.get()))));
    }
    return List.of();
  }

  private static Event.BotUttered askAmount(
      Tracker tracker, AccountSlot accountSlot, Templates templates) {
    Optional<Account> account = accountSlot.account(tracker);
    Map<String, Object> values = new java.util.HashMap<>(accountSlot.describe(tracker));
    if (account.isPresent() && owes(account.get())) {
      values.put("arrears", account.get().arrears().toPlainString());
      return templates.say("pay.ask_amount_owed", values);
    }
    account.ifPresent(a -> values.put("balance", a.balance().toPlainString()));
    return templates.say("pay.ask_amount", values);
  }

  private static List<Choice> choices(
      Tracker tracker, AccountSlot accountSlot, Templates templates) {
    Optional<Account> account = accountSlot.account(tracker);
    if (account.isPresent() && owes(account.get())) {
      String arrears = account.get().arrears().toPlainString();
      return List.of(
          new Choice(templates.render("pay.choice_arrears", Map.of("amount", arrears)), arrears));
    }
    return TOP_UPS.stream()
        .map(
            a ->
                new Choice(
                    templates.render("pay.choice_amount", Map.of("amount", a)),
                    new BigDecimal(a).setScale(2).toPlainString()))
        .toList();
  }

  private static boolean owes(Account account) {
    return account.billingMode() == BillingMode.POSTPAID && account.arrears().signum() > 0;
  }

  /** An amount of yuan, 0.01 to 50,000.00 with at most two decimals, as {@code 100.00}. */
  static Optional<String> amount(String text) {
    var m = PLAIN_AMOUNT.matcher(TextNormalizer.toHalfWidth(text).strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    BigDecimal value = new BigDecimal(m.group(1));
    if (value.scale() > 2 || value.compareTo(MIN) < 0 || value.compareTo(MAX) > 0) {
      return Optional.empty();
    }
    return Optional.of(value.setScale(2, RoundingMode.UNNECESSARY).toPlainString());
  }

  private static List<Event> submit(
      Tracker tracker, PaymentService payments, Templates templates, AssistantSettings settings) {
    AccountNo account = new AccountNo(tracker.slot(AccountSlot.NAME).orElseThrow());
    BigDecimal amount = new BigDecimal(tracker.slot(AMOUNT).orElseThrow());
    Map<String, Object> values =
        Map.of("account", Masking.account(account.value()), "amount", amount.toPlainString());
    try {
      PaymentOrder order =
          payments.createOrder(account, amount, channelOf(tracker), Conversations.userOf(tracker));
      return List.of(
          templates.link(
              "pay.link",
              values,
              templates.render("pay.link_title"),
              settings.payUrl(order.outTradeNo().value(), tracker.conversation().channel())));
    } catch (PaymentAmountOutOfRange e) {
      return List.of(templates.say("pay.amount_refused", values));
    } catch (AccountNotFound e) {
      return List.of(templates.say("pay.account_closed", values));
    }
  }

  /** Where the customer talks is where they pay; the web cashier for any other channel. */
  static PaymentChannel channelOf(Tracker tracker) {
    return switch (tracker.conversation().channel()) {
      case "wechat" -> PaymentChannel.WECHAT;
      case "alipay" -> PaymentChannel.ALIPAY;
      default -> PaymentChannel.WEB;
    };
  }
}
