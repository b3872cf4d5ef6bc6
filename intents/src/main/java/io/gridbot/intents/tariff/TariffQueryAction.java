package io.gridbot.intents.tariff;

import io.gridbot.dialog.Masking;
import io.gridbot.dialog.action.Action;
import io.gridbot.dialog.tracker.Event;
import io.gridbot.dialog.tracker.Tracker;
import io.gridbot.intents.Conversations;
import io.gridbot.intents.Templates;
import io.gridbot.service.account.Account;
import io.gridbot.service.account.BindingService;
import io.gridbot.service.billing.Bill;
import io.gridbot.service.billing.BillService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers price questions from the tariff knowledge, by the topic the question's keywords name
 * (tiers, time of use, large households, business, EV charging; an overview otherwise). For time of
 * use and the overview, a customer with a bound account also hears their own latest bill: the share
 * of valley kWh and what moving a fifth of the peak use to the valley would save. Read-only.
 */
public final class TariffQueryAction implements Action {

  /** The share of peak use the saving estimate moves to the valley. */
  static final BigDecimal SHIFTED_SHARE = new BigDecimal("0.20");

  private final BindingService bindings;
  private final BillService bills;
  private final Templates templates;
  private final TariffKnowledge knowledge;

  public TariffQueryAction(BindingService bindings, BillService bills, Templates templates) {
    this.bindings = bindings;
    this.bills = bills;
    this.templates = templates;
    this.knowledge = TariffKnowledge.load();
  }

  @Override
  public String name() {
    return "action_tariff_query";
  }

  @Override
  public List<Event> run(Tracker tracker) {
    String question = tracker.latestMessage().map(Event.UserUttered::text).orElse("");
    String topic = knowledge.topicOf(question).orElse("overview");
    List<Event> events = new ArrayList<>();
    events.add(templates.say("tariff_query." + topic, values(topic)));
    if (topic.equals("time_of_use") || topic.equals("overview")) {
      personal(tracker).ifPresent(events::add);
    }
    return events;
  }

  private Map<String, Object> values(String topic) {
    Map<String, Object> v = new HashMap<>();
    switch (topic) {
      case "tiered" -> {
        v.put("tier1_max", knowledge.text("tiered.tier1.max_kwh"));
        v.put("tier1_price", knowledge.text("tiered.tier1.price"));
        v.put("tier2_max", knowledge.text("tiered.tier2.max_kwh"));
        v.put("tier2_price", knowledge.text("tiered.tier2.price"));
        v.put("tier3_price", knowledge.text("tiered.tier3.price"));
      }
      case "time_of_use" -> {
        v.put("peak_hours", knowledge.text("time_of_use.peak.hours"));
        v.put("peak_price", knowledge.text("time_of_use.peak.price"));
        v.put("valley_hours", knowledge.text("time_of_use.valley.hours"));
        v.put("valley_price", knowledge.text("time_of_use.valley.price"));
      }
      case "multi_person" -> {
        v.put("min_persons", knowledge.text("multi_person.min_persons"));
        v.put("extra_kwh", knowledge.text("multi_person.extra_kwh"));
      }
      case "business" -> v.put("price", knowledge.text("business.price"));
      case "ev" -> {
        v.put("peak_price", knowledge.text("ev.home.peak_price"));
        v.put("valley_price", knowledge.text("ev.home.valley_price"));
        v.put("service_fee", knowledge.text("ev.public.service_fee_max"));
      }
      default -> {
        v.put("tier1_price", knowledge.text("tiered.tier1.price"));
        v.put("peak_price", knowledge.text("time_of_use.peak.price"));
        v.put("valley_hours", knowledge.text("time_of_use.valley.hours"));
        v.put("valley_price", knowledge.text("time_of_use.valley.price"));
      }
    }
    return v;
  }

  /** The customer's own latest bill, when they have a default account with a bill that has kWh. */
  private Optional<Event.BotUttered> personal(Tracker tracker) {
    Optional<Account> account = bindings.defaultAccount(Conversations.userOf(tracker));
    if (account.isEmpty()) {
      return Optional.empty();
    }
    List<Bill> latest = bills.recentBills(account.get().accountNo(), 1);
    if (latest.isEmpty() || latest.get(0).totalKwh().signum() == 0) {
      return Optional.empty();
    }
    Bill bill = latest.get(0);
    BigDecimal share =
        bill.kwhValley()
            .multiply(BigDecimal.valueOf(100))
            .divide(bill.totalKwh(), 0, RoundingMode.HALF_UP);
    BigDecimal saving =
        bill.kwhPeak()
            .multiply(SHIFTED_SHARE)
            .multiply(
                knowledge
                    .number("time_of_use.peak.price")
                    .subtract(knowledge.number("time_of_use.valley.price")))
            .setScale(2, RoundingMode.HALF_UP);
    Map<String, Object> v = new HashMap<>();
    v.put("account", Masking.account(bill.accountNo().value()));
    v.put(
        "period",
        templates.render(
            "tariff_query.period",
            Map.of("year", bill.period().getYear(), "month", bill.period().getMonthValue())));
    v.put("total", bill.totalKwh().stripTrailingZeros().toPlainString());
    v.put("valley", bill.kwhValley().stripTrailingZeros().toPlainString());
    v.put("valley_share", share.toPlainString());
    if (saving.signum() > 0) {
      v.put("saving", saving.toPlainString());
    }
    return Optional.of(templates.say("tariff_query.personal", v));
  }
}
