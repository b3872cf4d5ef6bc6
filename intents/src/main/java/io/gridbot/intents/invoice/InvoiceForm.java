package io.gridbot.intents.invoice;

import io.gridbot.dialog.Masking;
import io.gridbot.dialog.form.Choice;
import io.gridbot.dialog.form.Form;
import io.gridbot.dialog.form.SlotSpec;
import io.gridbot.dialog.tracker.Event;
import io.gridbot.dialog.tracker.Tracker;
import io.gridbot.intents.AccountSlot;
import io.gridbot.intents.Assistant;
import io.gridbot.intents.AssistantSettings;
import io.gridbot.intents.Templates;
import io.gridbot.service.account.AccountNo;
import io.gridbot.service.invoice.Invoice;
import io.gridbot.service.invoice.InvoiceService;
import io.gridbot.service.invoice.PaymentNotInvoiceable;
import io.gridbot.service.payment.OutTradeNo;
import io.gridbot.service.payment.PaymentOrder;
import io.gridbot.service.payment.PaymentOrderNotFound;
import io.gridbot.service.payment.PaymentService;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Issues an electronic invoice: which account, which of its recent paid payments, sent to an e-mail
 * address or as a download link, a confirmation, then the invoice (the same one again for a payment
 * already invoiced).
 */
public final class InvoiceForm {

  public static final String NAME = "invoice_form";
  static final String PAYMENT = "invoice_payment";
  static final String DELIVERY = "invoice_delivery";

  /** The delivery slot's value when the customer takes the download link. */
  static final String LINK = "link";

  static final int RECENT = 5;

  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private InvoiceForm() {}

  public static Form create(
      AccountSlot accountSlot,
      PaymentService payments,
      InvoiceService invoices,
      Templates templates,
      AssistantSettings settings) {
    return Form.named(NAME)
        .guard(tracker -> guard(tracker, accountSlot, payments, templates))
        .slot(accountSlot.slot("account.which"))
        .slot(
            SlotSpec.named(PAYMENT)
                .prompt(
                    tracker ->
                        recent(tracker, payments).isEmpty()
                            ? templates.say("invoice.no_payments", accountSlot.describe(tracker))
                            : templates.say("invoice.ask_payment", accountSlot.describe(tracker)))
                .retry(templates.prompt("invoice.retry_payment"))
                .choices(tracker -> choices(tracker, payments, templates))
                .build())
        .slot(
            SlotSpec.named(DELIVERY)
                .prompt(templates.prompt("invoice.ask_delivery"))
                .retry(templates.prompt("invoice.retry_delivery"))
                .parser(InvoiceForm::delivery)
                .choices(
                    tracker -> List.of(new Choice(templates.render("invoice.choice_link"), LINK)))
                .build())
        .confirm(
            templates.prompt(
                "invoice.confirm", tracker -> confirmValues(tracker, accountSlot, payments)))
        .submit(tracker -> submit(tracker, invoices, templates, settings))
        .cancelled(templates.prompt("invoice.cancelled"))
        .giveUp(Assistant.giveUp(templates))
        .build();
  }

  /** Refuses when nothing is bound, or when no bound account has a paid payment to invoice. */
  private static List<Event> guard(
      Tracker tracker, AccountSlot accountSlot, PaymentService payments, Templates templates) {
    List<Event> refused = accountSlot.requireBound(tracker);
    if (!refused.isEmpty()) {
      return refused;
    }
    boolean nothingPaid =
        accountSlot.boundAccounts(tracker).stream()
            .allMatch(no -> payments.recentPaid(no, RECENT).isEmpty());
    return nothingPaid ? List.of(templates.say("invoice.nothing_paid")) : List.of();
  }

  private static List<PaymentOrder> recent(Tracker tracker, PaymentService payments) {
    return tracker
        .slot(AccountSlot.NAME)
        .map(no -> payments.recentPaid(new AccountNo(no), RECENT))
        .orElse(List.of());
  }

  private static List<Choice> choices(
      Tracker tracker, PaymentService payments, Templates templates) {
    return recent(tracker, payments).stream()
        .map(
            o ->
                new Choice(
                    templates.render("invoice.choice_payment", describe(o)),
                    o.outTradeNo().value()))
        .toList();
  }

  private static Map<String, Object> describe(PaymentOrder order) {
    ZonedDateTime paid =
        (order.paidAt() == null ? order.createdAt() : order.paidAt()).atZone(SHANGHAI);
    return Map.of(
        "year", paid.getYear(),
        "month", paid.getMonthValue(),
        "day", paid.getDayOfMonth(),
        "amount", order.amount().toPlainString());
  }

  /** An e-mail address as typed (trimmed), or {@link #LINK} for the download-link answers. */
  static Optional<String> delivery(String text) {
    String t = text.strip();
    if (t.contains("链接") || t.contains("下载")) {
      return Optional.of(LINK);
    }
    return t.length() <= 254 && EMAIL.matcher(t).matches() ? Optional.of(t) : Optional.empty();
  }

  private static Map<String, Object> confirmValues(
      Tracker tracker, AccountSlot accountSlot, PaymentService payments) {
    Map<String, Object> values = new HashMap<>(accountSlot.describe(tracker));
    tracker
        .slot(PAYMENT)
        .filter(OutTradeNo::isWellFormed)
        .flatMap(no -> payments.find(new OutTradeNo(no)))
        .ifPresent(o -> values.put("payment", describe(o)));
    String delivery = tracker.slot(DELIVERY).orElse(LINK);
    if (!LINK.equals(delivery)) {
      // the customer must see the address whole to check it
      values.put("email", delivery);
    }
    return values;
  }

  private static List<Event> submit(
      Tracker tracker, InvoiceService invoices, Templates templates, AssistantSettings settings) {
    OutTradeNo payment = new OutTradeNo(tracker.slot(PAYMENT).orElseThrow());
    String delivery = tracker.slot(DELIVERY).orElseThrow();
    try {
      Invoice invoice = invoices.issue(payment, LINK.equals(delivery) ? null : delivery);
      Map<String, Object> values = new HashMap<>();
      values.put("invoiceNo", invoice.invoiceNo());
      values.put("amount", invoice.amount().toPlainString());
      values.put("account", Masking.account(invoice.accountNo().value()));
      if (invoice.email() != null) {
        values.put("email", invoice.email());
      }
      return List.of(
          templates.link(
              "invoice.issued",
              values,
              templates.render("invoice.link_title"),
              settings.invoiceUrl(invoice.invoiceNo())));
    } catch (PaymentNotInvoiceable | PaymentOrderNotFound e) {
      return List.of(templates.say("invoice.not_invoiceable"));
    } catch (IllegalArgumentException e) {
      return List.of(templates.say("invoice.bad_email"));
    }
  }
}
