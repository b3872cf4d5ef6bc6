package io.gridbot.intents;

import io.gridbot.dialog.ConversationJournal;
import io.gridbot.dialog.DialogConfiguration;
import io.gridbot.dialog.DialogSettings;
import io.gridbot.dialog.form.Executions;
import io.gridbot.dialog.handoff.HandoffDesk;
import io.gridbot.dialog.nlu.NluPipeline;
import io.gridbot.dialog.policy.Domain;
import io.gridbot.dialog.store.StateStore;
import io.gridbot.intents.autodebit.AutoDebitLinks;
import io.gridbot.intents.autodebit.AutoDebitSigning;
import io.gridbot.intents.execution.DatabaseExecutions;
import io.gridbot.intents.handoff.HandoffNotices;
import io.gridbot.intents.handoff.ServiceHandoffDesk;
import io.gridbot.intents.journal.ServiceConversationJournal;
import io.gridbot.intents.nlu.training.AssistantNlu;
import io.gridbot.service.ServiceCoreConfiguration;
import io.gridbot.service.account.AccountService;
import io.gridbot.service.account.BindingService;
import io.gridbot.service.application.ApplicationService;
import io.gridbot.service.appointment.BookingService;
import io.gridbot.service.appointment.SlotService;
import io.gridbot.service.autodebit.AutoDebitService;
import io.gridbot.service.billing.BillService;
import io.gridbot.service.complaint.ComplaintService;
import io.gridbot.service.conversation.ConversationLogService;
import io.gridbot.service.execution.ExecutionLog;
import io.gridbot.service.handoff.HandoffService;
import io.gridbot.service.invoice.InvoiceService;
import io.gridbot.service.outage.OutageService;
import io.gridbot.service.payment.PaymentService;
import io.gridbot.service.points.PointsService;
import io.gridbot.service.repair.RepairService;
import io.gridbot.service.subscription.SubscriptionService;
import io.gridbot.service.tag.TagService;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;

/** The assistant: its NLU, its domain of tasks, and the conversation log. */
@Configuration(proxyBeanMethods = false)
@Import({DialogConfiguration.class, ServiceCoreConfiguration.class})
@EnableConfigurationProperties({AutoDebitLinks.class, AssistantSettings.class})
public class AssistantConfiguration {

  @Bean
  Templates templates() {
    return new Templates();
  }

  @Bean
  NluPipeline nluPipeline(DialogSettings settings) {
    return AssistantNlu.pipeline(settings.nluThreshold(), AssistantExtractors.all());
  }

  @Bean
  Domain domain(
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
      AutoDebitService autoDebit,
      AutoDebitLinks autoDebitLinks,
      ComplaintService complaints,
      InvoiceService invoices,
      StateStore state,
      Templates templates,
      AssistantSettings settings) {
    return Assistant.domain(
        new AssistantServices(
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
            new AutoDebitSigning(autoDebit, autoDebitLinks),
            complaints,
            invoices),
        state,
        templates,
        settings);
  }

  @Bean
  ConversationJournal conversationJournal(ConversationLogService log) {
    return new ServiceConversationJournal(log, Clock.systemUTC());
  }

  @Bean
  HandoffDesk handoffDesk(HandoffService handoffs) {
    return new ServiceHandoffDesk(handoffs);
  }

  @Bean
  HandoffNotices handoffNotices(Templates templates) {
    return new HandoffNotices(templates);
  }

  @Bean
  Executions executions(ExecutionLog log) {
    return new DatabaseExecutions(log, JsonMapper.builder().build());
  }
}
