package io.gridbot.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.test.context.ActiveProfiles;

/** The migrations and the demo data on the real MariaDB/MySQL. */
@SpringBootTest
@ActiveProfiles("it")
class SchemaOnMariaDbIT {

  @Autowired JdbcTemplate jdbc;

  @Test
  void every_table_is_utf8mb4_whatever_the_database_default() {
    List<String> collations =
        jdbc.queryForList(
            "SELECT CONCAT(table_name, ':', table_collation) FROM information_schema.tables"
                + " WHERE table_schema = DATABASE() AND table_name <> 'flyway_schema_history'"
                + " ORDER BY table_name",
            String.class);

    assertThat(collations)
        .containsExactly(
            "account:utf8mb4_unicode_ci",
            "bill:utf8mb4_unicode_ci",
            "channel_binding:utf8mb4_unicode_ci",
            "conversation_log:utf8mb4_unicode_ci",
            "customer:utf8mb4_unicode_ci",
            "job_lock:utf8mb4_unicode_ci",
            "notification_delivery:utf8mb4_unicode_ci",
            "notification_quiet_hours:utf8mb4_unicode_ci",
            "notification_subscription:utf8mb4_unicode_ci");
  }

  @Test
  void channel_user_ids_compare_case_sensitively() {
    List<String> collations =
        jdbc.queryForList(
            "SELECT collation_name FROM information_schema.columns WHERE table_schema = DATABASE()"
                + " AND column_name = 'channel_user_id'",
            String.class);

    assertThat(collations).hasSize(5).containsOnly("utf8mb4_bin");
  }

  @Test
  void named_indexes_exist() {
    List<String> indexes =
        jdbc.queryForList(
            "SELECT DISTINCT index_name FROM information_schema.statistics"
                + " WHERE table_schema = DATABASE()",
            String.class);

    assertThat(indexes)
        .contains(
            "uk_channel_binding_active",
            "ix_channel_binding_account",
            "uk_bill_account_period",
            "ix_conversation_log_user_time",
            "ix_account_customer");
  }

  @Test
  void demo_data_is_loaded_and_can_run_again() {
    // given the demo data that Flyway loaded when the context started
    DemoDataAssertions.assertDemoData(jdbc);

    // when it runs once more, as Flyway does when the script changes
    new ResourceDatabasePopulator(new ClassPathResource("db/demo/R__demo_data.sql"))
        .execute(jdbc.getDataSource());

    // then
    DemoDataAssertions.assertDemoData(jdbc);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM customer WHERE id IN (9001, 9002, 9003)", Integer.class))
        .isEqualTo(3);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM bill WHERE account_no LIKE '330000000_'", Integer.class))
        .isEqualTo(19);
  }
}
