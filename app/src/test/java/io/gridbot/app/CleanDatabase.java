package io.gridbot.app;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Integration tests start from an empty schema: clean, then migrate (schema and demo data). */
@TestConfiguration(proxyBeanMethods = false)
public class CleanDatabase {

  @Bean
  public FlywayMigrationStrategy cleanThenMigrate() {
    return flyway -> {
      flyway.clean();
      flyway.migrate();
    };
  }
}
