package io.gridbot.dialog.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Provides the {@link StateStore} and {@link LockStore} chosen by {@code gridbot.state.type}:
 * in-memory by default, Redis when set to {@code redis} (see {@link StateSettings}). With Redis,
 * one client and connection serve both stores and are closed with the application context.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StateSettings.class)
public class StateConfiguration {

  private static final Logger log = LoggerFactory.getLogger(StateConfiguration.class);

  @Bean(destroyMethod = "close")
  StateBackend gridbotStateBackend(StateSettings settings) {
    StateBackend backend = StateBackend.of(settings);
    switch (settings.type()) {
      case MEMORY -> log.info("shared state in memory: correct for a single instance only");
      case REDIS ->
          log.info(
              "shared state in Redis at {} under key prefix '{}'",
              settings.redis().maskedUrl(),
              settings.keyPrefix());
    }
    return backend;
  }

  @Bean
  StateStore stateStore(StateBackend gridbotStateBackend) {
    return gridbotStateBackend.stateStore();
  }

  @Bean
  LockStore lockStore(StateBackend gridbotStateBackend) {
    return gridbotStateBackend.lockStore();
  }
}
