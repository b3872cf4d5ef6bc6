package io.gridbot.app;

import io.gridbot.channel.web.WebChannelConfiguration;
import io.gridbot.intents.AssistantConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The gridbot server: every channel, the assistant and the business in one deployable. */
@SpringBootApplication
@Import({AssistantConfiguration.class, WebChannelConfiguration.class})
public class GridbotApplication {

  public static void main(String[] args) {
    SpringApplication app = new SpringApplication(GridbotApplication.class);
    app.addListeners(new ProductionPreflight());
    app.run(args);
  }
}
