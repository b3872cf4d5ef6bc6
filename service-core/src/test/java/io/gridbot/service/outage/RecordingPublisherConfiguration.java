package io.gridbot.service.outage;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Puts a {@link RecordingPublisher} in front of whatever publisher the application has. */
@TestConfiguration(proxyBeanMethods = false)
public class RecordingPublisherConfiguration {

  @Bean
  @Primary
  RecordingPublisher recordingPublisher() {
    return new RecordingPublisher();
  }
}
