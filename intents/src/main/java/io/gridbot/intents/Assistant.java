package io.gridbot.intents;

import io.gridbot.dialog.form.Prompt;
import io.gridbot.dialog.policy.Domain;
import io.gridbot.dialog.store.StateStore;
import io.gridbot.intents.accountchange.AccountChangeForm;
import io.gridbot.intents.advice.EnergyAdviceAction;
import io.gridbot.intents.appointment.BookAppointmentForm;
import io.gridbot.intents.autodebit.AutoDebitForm;
import io.gridbot.intents.balance.CheckBalanceAction;
import io.gridbot.intents.bill.CheckBillForm;
import io.gridbot.intents.binding.BindAccountForm;
import io.gridbot.intents.complaint.ComplaintForm;
import io.gridbot.intents.connection.ApplyNewConnectionForm;
import io.gridbot.intents.handoff.HandoffAction;
import io.gridbot.intents.invoice.InvoiceForm;
import io.gridbot.intents.nlu.training.IntentCatalogue;
import io.gridbot.intents.outage.OutageQueryAction;
import io.gridbot.intents.payment.PayBillForm;
import io.gridbot.intents.points.PointsQueryAction;
import io.gridbot.intents.progress.CheckProgressAction;
import io.gridbot.intents.rebooking.CancelAppointmentForm;
import io.gridbot.intents.redeem.PointsRedeemForm;
import io.gridbot.intents.repair.ReportFaultForm;
import io.gridbot.intents.smalltalk.SayAction;
import io.gridbot.intents.subscription.SubscribeNoticeForm;
import io.gridbot.intents.subscription.UnsubscribeNoticeForm;
import io.gridbot.intents.tariff.TariffQueryAction;
import io.gridbot.intents.unbinding.UnbindAccountForm;
import io.gridbot.service.account.AccountService;
import io.gridbot.service.account.BindingService;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which intent does what. Every intent of the catalogue has an answer. */
public final class Assistant {

  /** Intents whose tasks are built; the others get an honest interim answer. */
  static final Set<String> BUILT =
      Set.of(
          "greeting",
          "thanks_bye",
          "human_agent",
          "check_balance",
          "outage_query",
          "check_progress",
          "points_query",
          "energy_advice",
          "bind_account",
          "book_appointment",
          "cancel_appointment",
          "apply_new_connection",
          "account_change",
          "unbind_account",
          "subscribe_notice",
          "unsubscribe_notice",
          "points_redeem",
          "auto_debit",
          "report_fault",
          "tariff_query",
          "complaint",
          "check_bill",
          "pay_bill",
          "invoice",
          "affirm",
          "deny",
          "out_of_scope");

  /** What each task is called when the assistant offers it ("did you mean") or mentions it. */
  static final Map<String, String> LABELS = labels();

  /** The option that hands the conversation to a human agent. */
  public static final String HUMAN_OPTION = "转人工客服";

  private Assistant() {}

  public static Domain domain(AssistantServices services, StateStore state, Templates templates) {
    return domain(services, state, templates, AssistantSettings.defaults());
  }

  public static Domain domain(
      AssistantServices services,
      StateStore state,
      Templates templates,
      AssistantSettings settings) {
    BindingService bindings = services.bindings();
    AccountService accounts = services.accounts();
    AccountSlot accountSlot = new AccountSlot(bindings, accounts, templates);
    Domain.Builder domain =
        Domain.builder()
            .on("greeting", SayAction.of(templates, "greeting"), true)
            .on("thanks_bye", SayAction.of(templates, "thanks"), false)
            .on("human_agent", new HandoffAction(templates), true)
            .on("check_balance", new CheckBalanceAction(bindings, accounts, templates), true)
            .on(
                "outage_query",
                new OutageQueryAction(
                    bindings, accounts, services.outages(), templates, Clock.systemUTC()),
                true)
            .on(
                "check_progress",
                new CheckProgressAction(
                    services.repairs(),
                    services.bookings(),
                    services.slots(),
                    services.applications(),
                    templates,
                    Clock.systemUTC()),
                true)
            .on("points_query", new PointsQueryAction(bindings, services.points(), templates), true)
            .on("complaint", ComplaintForm.create(bindings, services.complaints(), templates))
            .on("tariff_query", new TariffQueryAction(bindings, services.bills(), templates), true)
            .on("energy_advice", new EnergyAdviceAction(bindings, services.tags(), templates), true)
            .on("bind_account", BindAccountForm.create(bindings, accounts, state, templates))
            .on(
                "book_appointment",
                BookAppointmentForm.create(services, templates, Clock.systemUTC()))
            .on("apply_new_connection", ApplyNewConnectionForm.create(services, templates))
            .on("account_change", AccountChangeForm.create(services, templates))
            .on(
                "cancel_appointment",
                CancelAppointmentForm.create(services, templates, Clock.systemUTC()))
            .on("unbind_account", UnbindAccountForm.create(bindings, accountSlot, templates))
            .on(
                "subscribe_notice",
                SubscribeNoticeForm.create(services.subscriptions(), accountSlot, templates))
            .on(
                "unsubscribe_notice",
                UnsubscribeNoticeForm.create(services.subscriptions(), accountSlot, templates))
            .on("points_redeem", PointsRedeemForm.create(services.points(), accountSlot, templates))
            .on("auto_debit", AutoDebitForm.create(services.autoDebit(), accountSlot, templates))
            .on(
                "report_fault",
                ReportFaultForm.create(
                    services.repairs(),
                    services.outages(),
                    services.subscriptions(),
                    accountSlot,
                    accounts,
                    templates,
                    Clock.systemUTC()))
            .on(
                "check_bill",
                CheckBillForm.create(accountSlot, services.bills(), templates, Clock.systemUTC()))
            .on(
                "pay_bill",
                PayBillForm.create(accountSlot, services.payments(), templates, settings))
            .on(
                "invoice",
                InvoiceForm.create(
                    accountSlot, services.payments(), services.invoices(), templates, settings))
            .on("affirm", SayAction.of(templates, "ok"), false)
            .on("deny", SayAction.of(templates, "ok"), false)
            .on("out_of_scope", SayAction.of(templates, "out_of_scope"), false)
            .fallback(SayAction.of(templates, "fallback"))
            .failureText(templates.render("failure"))
            .confirmation(
                "affirm", "deny", templates.render("form.confirm"), templates.render("form.cancel"))
            .didYouMean(labels -> templates.options("fallback.did_you_mean", Map.of(), labels))
            .offerHuman(offerHuman(templates, "fallback.offer_human"))
            .handoffLeft(templates.prompt("handoff.left"))
            .welcomeBack(form -> templates.say("welcome_back", Map.of("task", taskOfForm(form))));
    LABELS.forEach(domain::label);
    for (String intent : IntentCatalogue.INTENTS) {
      if (!BUILT.contains(intent)) {
        domain.on(intent, SayAction.of(templates, "interim." + intent), true);
      }
    }
    return domain.build();
  }

  /** A prompt saying {@code key} with the option of a human agent. */
  public static Prompt offerHuman(Templates templates, String key) {
    templates.render(key);
    return tracker -> templates.options(key, Map.of(), List.of(HUMAN_OPTION));
  }

  /** Said when a form gives up after repeated bad answers: offers a human agent. */
  public static Prompt giveUp(Templates templates) {
    return offerHuman(templates, "form.give_up");
  }

  /** The label of the task a form belongs to, by the convention {@code <intent>_form}. */
  static String taskOfForm(String form) {
    String intent = form.endsWith("_form") ? form.substring(0, form.length() - 5) : form;
    return LABELS.getOrDefault(intent, "业务");
  }

  private static Map<String, String> labels() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("check_balance", "查询余额");
    labels.put("check_bill", "查询账单");
    labels.put("pay_bill", "交电费");
    labels.put("report_fault", "故障报修");
    labels.put("outage_query", "查询停电");
    labels.put("book_appointment", "预约办理");
    labels.put("cancel_appointment", "取消或改约");
    labels.put("apply_new_connection", "新装增容申请");
    labels.put("account_change", "过户更名");
    labels.put("check_progress", "查询进度");
    labels.put("bind_account", "绑定户号");
    labels.put("unbind_account", "解绑户号");
    labels.put("subscribe_notice", "订阅提醒");
    labels.put("unsubscribe_notice", "退订提醒");
    labels.put("points_query", "查询积分");
    labels.put("points_redeem", "积分兑换");
    labels.put("auto_debit", "自动扣费");
    labels.put("invoice", "开电子发票");
    labels.put("tariff_query", "电价查询");
    labels.put("energy_advice", "节电建议");
    labels.put("human_agent", HUMAN_OPTION);
    labels.put("complaint", "投诉建议");
    return Map.copyOf(labels);
  }
}
