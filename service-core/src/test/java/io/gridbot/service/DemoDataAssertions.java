package io.gridbot.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the demo data promises, checked with plain JDBC on whichever database ran it. */
public final class DemoDataAssertions {

  private DemoDataAssertions() {}

  public static void assertDemoData(JdbcTemplate jdbc) {
    assertPrepaidAccount(jdbc);
    assertAccountInArrears(jdbc);
    assertAccountWithAYearOfPaidBills(jdbc);
  }

  private static Map<String, Object> account(JdbcTemplate jdbc, String accountNo) {
    return jdbc.queryForMap(
        "SELECT a.billing_mode AS billing_mode, a.balance AS balance, a.arrears AS arrears,"
            + " a.registered_phone AS registered_phone, a.address AS address,"
            + " a.area_code AS area_code, a.status AS status, c.name AS customer_name"
            + " FROM account a JOIN customer c ON c.id = a.customer_id WHERE a.account_no = ?",
        accountNo);
  }

  private static void assertPrepaidAccount(JdbcTemplate jdbc) {
    Map<String, Object> row = account(jdbc, "3300000001");
    assertThat(row.get("billing_mode")).isEqualTo("PREPAID");
    assertThat(row.get("balance")).isEqualTo(new BigDecimal("12.50"));
    assertThat(row.get("arrears")).isEqualTo(new BigDecimal("0.00"));
    assertThat(row.get("registered_phone")).isEqualTo("13800000001");
    assertThat(row.get("address")).isEqualTo("幸福小区3栋2单元501");
    assertThat(row.get("area_code")).isEqualTo("CN-330106-017");
    assertThat(row.get("status")).isEqualTo("ACTIVE");
    assertThat(row.get("customer_name")).isEqualTo("张伟");
  }

  private static void assertAccountInArrears(JdbcTemplate jdbc) {
    Map<String, Object> row = account(jdbc, "3300000002");
    assertThat(row.get("billing_mode")).isEqualTo("POSTPAID");
    assertThat(row.get("arrears")).isEqualTo(new BigDecimal("86.40"));
    assertThat(row.get("registered_phone")).isEqualTo("13800000002");
    Map<String, Object> unpaid =
        jdbc.queryForMap(
            "SELECT COUNT(*) AS bills, SUM(amount) AS total FROM bill"
                + " WHERE account_no = '3300000002' AND paid = FALSE");
    assertThat(((Number) unpaid.get("bills")).intValue()).isEqualTo(2);
    assertThat(unpaid.get("total")).isEqualTo(new BigDecimal("86.40"));
  }

  private static void assertAccountWithAYearOfPaidBills(JdbcTemplate jdbc) {
    Map<String, Object> row = account(jdbc, "3300000003");
    assertThat(row.get("billing_mode")).isEqualTo("POSTPAID");
    assertThat(row.get("arrears")).isEqualTo(new BigDecimal("0.00"));
    assertThat(row.get("registered_phone")).isEqualTo("13800000003");
    List<String> periods =
        jdbc.queryForList(
            "SELECT period FROM bill WHERE account_no = '3300000003' AND paid = TRUE"
                + " AND paid_at IS NOT NULL AND amount > 0 AND kwh_peak > 0 AND kwh_valley > 0"
                + " ORDER BY period",
            String.class);
    assertThat(periods)
        .containsExactly(
            "2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06",
            "2026-07", "2026-08", "2026-09", "2026-10");
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM bill WHERE account_no = '3300000003'", Integer.class))
        .isEqualTo(12);
  }
}
