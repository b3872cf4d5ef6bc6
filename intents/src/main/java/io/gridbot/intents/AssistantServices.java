package io.gridbot.intents;

import io.gridbot.intents.autodebit.AutoDebitSigning;
import io.gridbot.service.account.AccountService;
import io.gridbot.service.account.BindingService;
import io.gridbot.service.application.ApplicationService;
import io.gridbot.service.appointment.BookingService;
import io.gridbot.service.appointment.SlotService;
import io.gridbot.service.billing.BillService;
import io.gridbot.service.outage.OutageService;
import io.gridbot.service.payment.PaymentService;
import io.gridbot.service.points.PointsService;
import io.gridbot.service.repair.RepairService;
import io.gridbot.service.subscription.SubscriptionService;
import io.gridbot.service.tag.TagService;
import java.util.Objects;

/** The business services the assistant's tasks call. */
public record AssistantServices(
    BindingService bindings,
    AccountService accounts,
    OutageService outages,
    RepairService repairs,
    BookingService bookings,
    SlotService slots,
    ApplicationService applications,
    PointsService points,
    TagService tags,
    BillService bills,
    PaymentService payments,
    SubscriptionService subscriptions,
    AutoDebitSigning autoDebit) {

  public AssistantServices {
    Objects.requireNonNull(bindings, "bindings");
    Objects.requireNonNull(accounts, "accounts");
    Objects.requireNonNull(outages, "outages");
    Objects.requireNonNull(repairs, "repairs");
    Objects.requireNonNull(bookings, "bookings");
    Objects.requireNonNull(slots, "slots");
    Objects.requireNonNull(applications, "applications");
    Objects.requireNonNull(points, "points");
    Objects.requireNonNull(tags, "tags");
    Objects.requireNonNull(bills, "bills");
    Objects.requireNonNull(payments, "payments");
    Objects.requireNonNull(subscriptions, "subscriptions");
    Objects.requireNonNull(autoDebit, "autoDebit");
  }
}
