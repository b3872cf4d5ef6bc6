package io.gridbot.dialog;

import io.gridbot.dialog.channel.Outbound;
import io.gridbot.dialog.channel.OutboundRouter;
import io.gridbot.dialog.form.Executions;
import io.gridbot.dialog.form.StateExecutions;
import io.gridbot.dialog.handoff.HandoffDesk;
import io.gridbot.dialog.handoff.InMemoryHandoffDesk;
import io.gridbot.dialog.nlu.NluPipeline;
import io.gridbot.dialog.policy.Domain;
import io.gridbot.dialog.store.LockStore;
import io.gridbot.dialog.store.StateConfiguration;
import io.gridbot.dialog.store.StateStore;
import io.gridbot.dialog.tracker.StateTrackerStore;
import io.gridbot.dialog.tracker.TrackerStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the engine. The assistant supplies a {@link Domain}, an {@link NluPipeline} and a {@link
 * ConversationJournal}, and may supply {@link Executions} (database-backed idempotency) and a
 * {@link HandoffDesk} (the agent queue); the shared state comes from {@link StateConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DialogSettings.class)
@Import(StateConfiguration.class)
public class DialogConfiguration {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Bean
  TrackerStore trackerStore(StateStore state, DialogSettings settings) {
    return new StateTrackerStore(state, settings.trackerIdleTtl(), JSON);
  }

  /** Delivery to the channels that provide an {@link Outbound}. */
  @Bean
  OutboundRouter outboundRouter(ObjectProvider<Outbound> outbounds) {
    return new OutboundRouter(outbounds.orderedStream().toList());
  }

  @Bean
  MessageProcessor messageProcessor(
      NluPipeline nlu,
      Domain domain,
      TrackerStore trackers,
      LockStore locks,
      StateStore state,
      ConversationJournal journal,
      DialogSettings settings,
      ObjectProvider<Executions> executions,
      ObjectProvider<HandoffDesk> desk) {
    return new MessageProcessor(
        nlu,
        domain,
        trackers,
        locks,
        state,
        journal,
        settings,
        JSON,
        executions.getIfAvailable(() -> new StateExecutions(state, JSON)),
        desk.getIfAvailable(InMemoryHandoffDesk::new));
  }
}
