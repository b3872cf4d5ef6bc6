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
        // in this order, with the other areas' migrations (V10..V59, R__demo_*) in between
        .containsSubsequence(
            "V1__accounts.sql",
            "V2__channel_bindings.sql",
            "V3__bills.sql",
            "V4__conversation_log.sql",
            "V20__outages.sql",
            "V21__repair_tickets.sql",
            "R__demo_data.sql");
    DemoDataAssertions.assertDemoData(jdbc);
  }

  @Test
  void demo_data_can_run_again_and_resets_itself() {
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
    // a re-run resets the demo values but deletes nothing that refers to the demo accounts
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM channel_binding", Integer.class)).isOne();
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

  @Test
  void refund_entries_written_before_reversals_existed_are_tied_to_their_refund() {
    // given a refund and its ledger entry as written before V121
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration", "classpath:db/demo")
        .target("120")
        .load()
        .migrate();
    jdbc.update(
        "INSERT INTO payment_order (out_trade_no, account_no, amount, channel, state,"
            + " channel_txn_id, created_at, paid_at) VALUES ('P2026112712000000000001',"
            + " '3300000001', 20.00, 'WECHAT', 'PAID', 'T1', CURRENT_TIMESTAMP(3),"
            + " CURRENT_TIMESTAMP(3))");
    jdbc.update(
        "INSERT INTO payment_refund (out_refund_no, out_trade_no, amount, reason, staff,"
            + " created_at) VALUES ('R2026112712000000000001', 'P2026112712000000000001', 5.00,"
            + " '退款', 'staff', CURRENT_TIMESTAMP(3))");
    jdbc.update(
        "INSERT INTO ledger_entry (account_no, entry_type, amount, balance_delta, arrears_delta,"
            + " balance_after, arrears_after, reference, dedup_key, occurred_at) VALUES"
            + " ('3300000001', 'REFUND', -5.00, -5.00, 0, 0, 0, 'P2026112712000000000001',"
            + " 'refund:R2026112712000000000001', CURRENT_TIMESTAMP(3))");

    // when
    flyway.migrate();

    // then
    assertThat(
            jdbc.queryForObject(
                "SELECT out_refund_no FROM ledger_entry WHERE entry_type = 'REFUND'", String.class))
        .isEqualTo("R2026112712000000000001");
    // a reversal must name an existing refund and give money back
    String reversal =
        "INSERT INTO ledger_entry (account_no, entry_type, amount, balance_delta, arrears_delta,"
            + " balance_after, arrears_after, reference, out_refund_no, occurred_at) VALUES"
            + " ('3300000001', 'REFUND_REVERSED', %s, %s, 0, 0, 0, 'P2026112712000000000001', %s,"
            + " CURRENT_TIMESTAMP(3))";
    assertThatThrownBy(() -> jdbc.update(reversal.formatted("5.00", "5.00", "NULL")))
        .hasMessageContaining("ck_ledger_entry_type");
    assertThatThrownBy(
            () -> jdbc.update(reversal.formatted("-5.00", "-5.00", "'R2026112712000000000001'")))
        .hasMessageContaining("ck_ledger_entry_type");
    assertThatThrownBy(
            () -> jdbc.update(reversal.formatted("5.00", "5.00", "'R2026112712000000000999'")))
        .isInstanceOf(DataIntegrityViolationException.class);
    jdbc.update(reversal.formatted("5.00", "5.00", "'R2026112712000000000001'"));
  }
}
