package io.gridbot.intents.stories;

import io.gridbot.dialog.ConversationId;
import io.gridbot.dialog.channel.Reply;
import io.gridbot.intents.AssistantConfiguration;
import io.gridbot.intents.handoff.HandoffNotices;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.appointment.DemoSlots;
import io.gridbot.service.appointment.SlotService;
import io.gridbot.service.handoff.Handoff;
import io.gridbot.service.handoff.HandoffService;
import io.gridbot.service.outage.StaffId;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The assistant as the server wires it, minus the channels: engine, tasks, services, database. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(AssistantConfiguration.class)
public class StoriesTestApplication {

  /** Agents work on the database-backed desk, as staff do through the staff API. */
  @Bean
  StoryAgents storyAgents(HandoffService handoffs, HandoffNotices notices) {
    StaffId agent = new StaffId("story-agent");
    return new StoryAgents() {
      @Override
      public void claim(ConversationId conversation) {
        Handoff open =
            handoffs
                .open(user(conversation))
                .orElseThrow(() -> new IllegalStateException("nothing queued for " + conversation));
        handoffs.claim(open.id(), agent);
      }

      @Override
      public List<String> say(ConversationId conversation, String text) {
        handoffs.heldBy(held(conversation).id(), agent);
        return List.of(text); // no channel here: what the agent sends is what the customer gets
      }

      @Override
      public List<Reply> release(ConversationId conversation) {
        handoffs.release(held(conversation).id(), agent);
        return notices.released();
      }

      private Handoff held(ConversationId conversation) {
        return handoffs
            .open(user(conversation))
            .orElseThrow(() -> new IllegalStateException("no agent holds " + conversation));
      }
    };
  }

  private static ChannelUser user(ConversationId conversation) {
    return new ChannelUser(conversation.channel(), conversation.senderId());
  }

  /** A week of bookable slots at the demo service points, as the embedded default has. */
  @Bean
  ApplicationRunner demoSlots(SlotService slots) {
    return args -> DemoSlots.open(slots, LocalDate.now(ZoneId.of("Asia/Shanghai")), 7);
  }

  /** Every test context starts from an empty schema: drop everything, then migrate. */
  @Bean
  FlywayMigrationStrategy cleanThenMigrate() {
    return flyway -> {
      flyway.clean();
      flyway.migrate();
    };
  }
}
