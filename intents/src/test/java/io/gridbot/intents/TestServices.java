package io.gridbot.intents;

import io.gridbot.intents.autodebit.AutoDebitLinks;
import io.gridbot.intents.autodebit.AutoDebitSigning;
import io.gridbot.service.account.AccountService;
import io.gridbot.service.account.BindingService;
import io.gridbot.service.application.ApplicationService;
import io.gridbot.service.appointment.BookingService;
import io.gridbot.service.appointment.SlotService;
import io.gridbot.service.autodebit.AutoDebitService;
import io.gridbot.service.billing.BillService;
import io.gridbot.service.complaint.ComplaintService;
import io.gridbot.service.invoice.InvoiceService;
import io.gridbot.service.outage.OutageService;
import io.gridbot.service.payment.PaymentService;
import io.gridbot.service.points.PointsService;
import io.gridbot.service.repair.RepairService;
import io.gridbot.service.subscription.SubscriptionService;
import io.gridbot.service.tag.TagService;
import org.mockito.Mockito;

/**
 * The assistant's services for conversation tests: Mockito mocks unless a test gives its own, so
 * that a new service does not touch every test.
 */
final class TestServices {

  BindingService bindings = Mockito.mock(BindingService.class);
  AccountService accounts = Mockito.mock(AccountService.class);
  OutageService outages = Mockito.mock(OutageService.class);
  RepairService repairs = Mockito.mock(RepairService.class);
  BookingService bookings = Mockito.mock(BookingService.class);
  SlotService slots = Mockito.mock(SlotService.class);
  ApplicationService applications = Mockito.mock(ApplicationService.class);
  PointsService points = Mockito.mock(PointsService.class);
  TagService tags = Mockito.mock(TagService.class);
  BillService bills = Mockito.mock(BillService.class);
  PaymentService payments = Mockito.mock(PaymentService.class);
  SubscriptionService subscriptions = Mockito.mock(SubscriptionService.class);
  AutoDebitSigning autoDebit =
      new AutoDebitSigning(Mockito.mock(AutoDebitService.class), new AutoDebitLinks(null));
  ComplaintService complaints = Mockito.mock(ComplaintService.class);
  InvoiceService invoices = Mockito.mock(InvoiceService.class);

  /** Services whose accounts and bindings are {@code business}. */
  static <T extends BindingService & AccountService> TestServices on(T business) {
    TestServices s = new TestServices();
    s.bindings = business;
    s.accounts = business;
    return s;
  }

  /** These services after {@code changes} (a test's own fakes) are applied. */
  AssistantServices with(java.util.function.Consumer<TestServices> changes) {
    changes.accept(this);
    return build();
  }

  AssistantServices build() {
    return new AssistantServices(
        bindings,
        accounts,
        outages,
        repairs,
        bookings,
        slots,
        applications,
        points,
        tags,
        bills,
        payments,
        subscriptions,
        autoDebit,
        complaints,
        invoices);
  }
}
