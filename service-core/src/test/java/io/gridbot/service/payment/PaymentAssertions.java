package io.gridbot.service.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.service.account.AccountNo;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads what the payment area wrote with plain JDBC, never through the code under test. */
final class PaymentAssertions {

  private PaymentAssertions() {}

  /** The account row's balance and arrears. */
  static Position accountRow(JdbcTemplate jdbc, AccountNo no) {
    Map<String, Object> row =
        jdbc.queryForMap(
            "SELECT balance AS balance, arrears AS arrears FROM account WHERE account_no = ?",
            no.value());
    return new Position((BigDecimal) row.get("balance"), (BigDecimal) row.get("arrears"));
  }

  static int ledgerRows(JdbcTemplate jdbc, AccountNo no) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM ledger_entry WHERE account_no = ?", Integer.class, no.value());
  }

  static String orderState(JdbcTemplate jdbc, OutTradeNo no) {
    return jdbc.queryForObject(
        "SELECT state FROM payment_order WHERE out_trade_no = ?", String.class, no.value());
  }

  /** A bill's settled amount and paid flag, e.g. {@code 10.00/false}. */
  static String bill(JdbcTemplate jdbc, AccountNo no, String period) {
    return jdbc.queryForObject(
        "SELECT CONCAT(settled_amount, '/', CASE WHEN paid THEN 'true' ELSE 'false' END) FROM bill"
            + " WHERE account_no = ? AND period = ?",
        String.class,
        no.value(),
        period);
  }

  /**
   * Arrears equal what the unpaid bills still owe, and paid bills are covered in full (or not at
   * all: bills paid before the ledger, as test data inserts them).
   */
  static void assertArrearsMatchBills(JdbcTemplate jdbc, AccountNo no) {
    BigDecimal owed =
        jdbc.queryForObject(
            "SELECT COALESCE(SUM(amount - settled_amount), 0) FROM bill"
                + " WHERE account_no = ? AND paid = FALSE",
            BigDecimal.class,
            no.value());
    assertThat(accountRow(jdbc, no).arrears()).isEqualByComparingTo(owed);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM bill WHERE account_no = ? AND paid = TRUE"
                    + " AND settled_amount <> amount AND settled_amount <> 0",
                Integer.class,
                no.value()))
        .isZero();
  }

  static BigDecimal yuan(String amount) {
    return new BigDecimal(amount);
  }
}
