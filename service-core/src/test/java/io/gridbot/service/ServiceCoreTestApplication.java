package io.gridbot.service;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The smallest application that uses service-core, as the real one wires it. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(ServiceCoreConfiguration.class)
public class ServiceCoreTestApplication {

  /** Every test context starts from an empty schema: drop everything, then migrate. */
  @Bean
  FlywayMigrationStrategy cleanThenMigrate() {
    return flyway -> {
      flyway.clean();
      flyway.migrate();
    };
  }
}
