package io.gridbot.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The migrations and the demo data run unchanged on H2 in MySQL mode, as the application's embedded
 * default profile runs them. No Spring context: Flyway and JDBC only.
 */
class MigrationsOnH2IT {

  private DataSource dataSource;
  private JdbcTemplate jdbc;
  private Flyway flyway;

  @BeforeEach
  void freshDatabase() {
    dataSource =
        new DriverManagerDataSource(
            "jdbc:h2:mem:"
                + UUID.randomUUID()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "sa",
            "");
    jdbc = new JdbcTemplate(dataSource);
    flyway =
        Flyway.configure()
            .dataSource(dataSource)
            .locations("classpath:db/migration", "classpath:db/demo")
            .load();
  }

  @Test
  void migrations_and_demo_data_run_on_h2() {
    // when
    MigrateResult result = flyway.migrate();

    // then
    assertThat(result.success).isTrue();
    assertThat(result.migrations)
        .extracting(m -> m.filepath.replaceAll(".*/", ""))
        .containsExactly(
            "V1__accounts.sql",
            "V2__channel_bindings.sql",
            "V3__bills.sql",
            "V4__conversation_log.sql",
            "V50__notification_subscriptions.sql",
            "V51__notification_delivery.sql",
            "R__demo_data.sql");
    DemoDataAssertions.assertDemoData(jdbc);
  }

  @Test
  void demo_data_can_run_again_and_replaces_itself() {
    // given
    flyway.migrate();
    jdbc.update(
        "INSERT INTO channel_binding (channel, channel_user_id, account_no, verified_at)"
            + " VALUES ('wechat', 'oDemo', '3300000001', CURRENT_TIMESTAMP(3))");

    // when
    new ResourceDatabasePopulator(new ClassPathResource("db/demo/R__demo_data.sql"))
        .execute(dataSource);

    // then
    DemoDataAssertions.assertDemoData(jdbc);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customer", Integer.class)).isEqualTo(3);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bill", Integer.class)).isEqualTo(19);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM channel_binding", Integer.class)).isZero();
  }

  @Test
  void check_constraints_hold_on_connections_opened_after_the_migration() {
    // given Flyway's connection is closed: H2 2.4.240 fails CHECKs with IN lists then (#4308)
    flyway.migrate();

    // when
    jdbc.update(
        "INSERT INTO conversation_log (channel, channel_user_id, direction, text, confidence)"
            + " VALUES ('web', 'v1', 'OUT', '您好', 0.5)");

    // then
    assertThatThrownBy(
            () ->
                jdbc.update(
                    "INSERT INTO conversation_log (channel, channel_user_id, direction, text)"
                        + " VALUES ('web', 'v1', 'UP', 'x')"))
        .isInstanceOf(DataIntegrityViolationException.class)
        .hasMessageContaining("ck_conversation_log_direction");
    assertThatThrownBy(
            () ->
                jdbc.update(
                    "UPDATE account SET billing_mode = 'CREDIT' WHERE account_no = '3300000001'"))
        .hasMessageContaining("ck_account_billing_mode");
    assertThatThrownBy(
            () -> jdbc.update("UPDATE account SET status = 'GONE' WHERE account_no = '3300000001'"))
        .hasMessageContaining("ck_account_status");
    assertThatThrownBy(
            () -> jdbc.update("UPDATE bill SET paid_at = NULL WHERE account_no = '3300000003'"))
        .hasMessageContaining("ck_bill_paid_at");
  }

  @Test
  void one_active_binding_per_user_and_account_but_any_number_of_unbound_ones() {
    // given
    flyway.migrate();
    String bind =
        "INSERT INTO channel_binding (channel, channel_user_id, account_no, verified_at)"
            + " VALUES ('wechat', 'oUser', '3300000001', CURRENT_TIMESTAMP(3))";
    jdbc.update(bind);

    // then a second active binding is refused
    assertThatThrownBy(() -> jdbc.update(bind)).isInstanceOf(DuplicateKeyException.class);

    // when the first is unbound, the user may bind again, and again
    jdbc.update("UPDATE channel_binding SET unbound_at = CURRENT_TIMESTAMP(3)");
    jdbc.update(bind);
    jdbc.update("UPDATE channel_binding SET unbound_at = CURRENT_TIMESTAMP(3)");
    jdbc.update(bind);

    // then
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM channel_binding WHERE unbound_at IS NULL", Integer.class))
        .isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM channel_binding", Integer.class))
        .isEqualTo(3);
  }
}
