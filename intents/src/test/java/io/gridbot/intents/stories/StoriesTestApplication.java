package io.gridbot.intents.stories;

import io.gridbot.dialog.ConversationId;
import io.gridbot.dialog.channel.Reply;
import io.gridbot.dialog.handoff.InMemoryHandoffDesk;
import io.gridbot.intents.AssistantConfiguration;
import java.util.List;
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

  /** Agents work on an in-process desk until the database-backed one is wired. */
  @Bean
  InMemoryHandoffDesk handoffDesk() {
    return new InMemoryHandoffDesk();
  }

  @Bean
  StoryAgents storyAgents(InMemoryHandoffDesk desk) {
    return new StoryAgents() {
      @Override
      public void claim(ConversationId conversation) {
        if (!desk.claim(conversation)) {
          throw new IllegalStateException("nothing queued for " + conversation);
        }
      }

      @Override
      public List<String> say(ConversationId conversation, String text) {
        throw new UnsupportedOperationException("agent replies need the agent desk");
      }

      @Override
      public List<Reply> release(ConversationId conversation) {
        desk.release(conversation);
        return List.of();
      }
    };
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
