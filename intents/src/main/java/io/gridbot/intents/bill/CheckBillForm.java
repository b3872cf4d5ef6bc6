package io.gridbot.intents.bill;

import io.gridbot.dialog.Masking;
import io.gridbot.dialog.form.Form;
import io.gridbot.dialog.form.SlotSpec;
import io.gridbot.dialog.nlu.entity.DateTimeExtractor;
import io.gridbot.dialog.tracker.Event;
import io.gridbot.dialog.tracker.Tracker;
import io.gridbot.intents.AccountSlot;
import io.gridbot.intents.Assistant;
import io.gridbot.intents.Templates;
import io.gridbot.service.account.AccountNo;
import io.gridbot.service.billing.Bill;
import io.gridbot.service.billing.BillService;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Shows the bills of one account for the month (or months) the customer names, last month by
 * default: amount, due date, whether paid, and kWh by peak, valley and flat. Read-only, so nothing
 * is confirmed.
 */
public final class CheckBillForm {

  public static final String NAME = "check_bill_form";
  static final String PERIOD = "bill_period";

  /** Months shown at most for one question (近一年 still fits a chat). */
  static final int MAX_MONTHS = 12;

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private CheckBillForm() {}

  public static Form create(
      AccountSlot accountSlot, BillService bills, Templates templates, Clock clock) {
    return Form.named(NAME)
        .guard(accountSlot::requireBound)
        .slot(accountSlot.slot("account.which"))
        .slot(
            SlotSpec.named(PERIOD)
                .entity(DateTimeExtractor.ENTITY)
                .prompt(templates.prompt("bill.ask_period"))
                .parser(CheckBillForm::period)
                .prefill(tracker -> Optional.of(lastMonth(clock).toString()))
                .build())
        .submit(tracker -> show(tracker, bills, templates))
        .cancelled(templates.prompt("bill.cancelled"))
        .giveUp(Assistant.giveUp(templates))
        .build();
  }

  private static List<Event> show(Tracker tracker, BillService bills, Templates templates) {
    AccountNo account = new AccountNo(tracker.slot(AccountSlot.NAME).orElseThrow());
    List<YearMonth> months = months(tracker.slot(PERIOD).orElseThrow());
    List<Event> events = new ArrayList<>();
    List<YearMonth> missing = new ArrayList<>();
    for (YearMonth month : months) {
      bills
          .bill(account, month)
          .ifPresentOrElse(bill -> events.add(card(bill, templates)), () -> missing.add(month));
    }
    if (events.isEmpty()) {
      return List.of(
          templates.say(
              months.size() == 1 ? "bill.none" : "bill.none_period",
              Map.of(
                  "account", Masking.account(account.value()),
                  "month", label(months.get(0)),
                  "last", label(months.get(months.size() - 1)))));
    }
    return events;
  }

  private static Event.BotUttered card(Bill bill, Templates templates) {
    Map<String, Object> title =
        Map.of("account", Masking.account(bill.accountNo().value()), "month", label(bill.period()));
    // one line per fact; the line template says each by the flag it finds
    List<Map<String, Object>> lines =
        List.of(
            Map.of("amount", bill.amount().toPlainString()),
            Map.of(
                "due",
                true,
                "dueMonth",
                bill.dueDate().getMonthValue(),
                "dueDay",
                bill.dueDate().getDayOfMonth()),
            Map.of(bill.paid() ? "paid" : "unpaid", true),
            Map.of("total", bill.totalKwh().toPlainString()),
            Map.of(
                "bands",
                true,
                "peak",
                bill.kwhPeak().toPlainString(),
                "valley",
                bill.kwhValley().toPlainString(),
                "flat",
                bill.kwhFlat().toPlainString()));
    return templates.card("bill.card", title, lines, null);
  }

  /** The month of a bill as the templates show it: year and month. */
  static Map<String, Object> label(YearMonth month) {
    return Map.of("year", month.getYear(), "month", month.getMonthValue());
  }

  static YearMonth lastMonth(Clock clock) {
    return YearMonth.now(clock.withZone(SHANGHAI)).minusMonths(1);
  }

  /**
   * The months a datetime entity value names, as {@code 2026-10} or {@code 2026-08/2026-11}
   * (inclusive); empty when the value is not a date or spans more than {@link #MAX_MONTHS}.
   */
  static Optional<String> period(String value) {
    try {
      String[] ends = value.strip().split("/", 2);
      OffsetDateTime from = OffsetDateTime.parse(ends[0]);
      YearMonth first = YearMonth.from(from.atZoneSameInstant(SHANGHAI));
      YearMonth last = first;
      if (ends.length == 2) {
        // the end is exclusive: the month of the moment just before it
        last =
            YearMonth.from(
                OffsetDateTime.parse(ends[1]).atZoneSameInstant(SHANGHAI).minusMinutes(1));
      }
      if (last.isBefore(first) || first.plusMonths(MAX_MONTHS - 1L).isBefore(last)) {
        return Optional.empty();
      }
      return Optional.of(first.equals(last) ? first.toString() : first + "/" + last);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  static List<YearMonth> months(String period) {
    String[] ends = period.split("/", 2);
    YearMonth first = YearMonth.parse(ends[0]);
    YearMonth last = ends.length == 2 ? YearMonth.parse(ends[1]) : first;
    List<YearMonth> months = new ArrayList<>();
    for (YearMonth m = last; !m.isBefore(first); m = m.minusMonths(1)) {
      months.add(m); // newest first
    }
    return months;
  }
}
