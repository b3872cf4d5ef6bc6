package io.gridbot.service.points;

import io.gridbot.service.account.AccountNo;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;

/** Catalogue items and ledger checks of the points tests, with plain JDBC. */
final class PointsTestData {

  private static final AtomicLong SEQUENCE = new AtomicLong();

  private PointsTestData() {}

  /**
   * A fresh active gift item costing {@code cost} points; {@code stock} null for unlimited. Test
   * items are listed after the seeded ones.
   */
  static String aGift(JdbcTemplate jdbc, int cost, Integer stock) {
    String code = "TEST_GIFT_" + SEQUENCE.incrementAndGet();
    jdbc.update(
        "INSERT INTO points_item (code, name, kind, coupon_amount, cost, stock, active, sort_order)"
            + " VALUES (?, '测试礼品', 'GIFT', NULL, ?, ?, TRUE, 1000)",
        code,
        cost,
        stock);
    return code;
  }

  /**
   * A fresh active coupon item worth {@code amount} yuan per unit, costing {@code cost} points;
   * {@code stock} null for unlimited.
   */
  static String aCoupon(JdbcTemplate jdbc, String amount, int cost, Integer stock) {
    String code = "TEST_COUPON_" + SEQUENCE.incrementAndGet();
    jdbc.update(
        "INSERT INTO points_item (code, name, kind, coupon_amount, cost, stock, active, sort_order)"
            + " VALUES (?, '测试电费券', 'COUPON', ?, ?, ?, TRUE, 1000)",
        code,
        new java.math.BigDecimal(amount),
        cost,
        stock);
    return code;
  }

  /**
   * A fresh active account inserted without generated keys, which the shared builder needs and H2
   * does not return alone; customer ids from 700000 up.
   */
  static AccountNo anAccountOnH2(JdbcTemplate jdbc, String billingMode, String balance) {
    long n = SEQUENCE.incrementAndGet();
    AccountNo no = new AccountNo(String.format("78%08d", n));
    jdbc.update("INSERT INTO customer (id, name) VALUES (?, '测试用户')", 700_000 + n);
    jdbc.update(
        "INSERT INTO account (account_no, customer_id, billing_mode, balance, arrears, address,"
            + " area_code, registered_phone) VALUES (?, ?, ?, ?, 0, '测试小区1栋1单元101',"
            + " 'CN-330106-001', '13900001234')",
        no.value(),
        700_000 + n,
        billingMode,
        new java.math.BigDecimal(balance));
    return no;
  }

  static Integer stockOf(JdbcTemplate jdbc, String code) {
    return jdbc.queryForObject("SELECT stock FROM points_item WHERE code = ?", Integer.class, code);
  }

  static int storedBalance(JdbcTemplate jdbc, AccountNo no) {
    return jdbc.queryForObject(
        "SELECT balance FROM points_account WHERE account_no = ?", Integer.class, no.value());
  }

  static int sumOfDeltas(JdbcTemplate jdbc, AccountNo no) {
    return jdbc.queryForObject(
        "SELECT COALESCE(SUM(delta), 0) FROM points_entry WHERE account_no = ?",
        Integer.class,
        no.value());
  }

  static int sumOfRemaining(JdbcTemplate jdbc, AccountNo no) {
    return jdbc.queryForObject(
        "SELECT COALESCE(SUM(remaining), 0) FROM points_entry WHERE account_no = ?",
        Integer.class,
        no.value());
  }

  static int entries(JdbcTemplate jdbc, AccountNo no, String reason) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM points_entry WHERE account_no = ? AND reason = ?",
        Integer.class,
        no.value(),
        reason);
  }

  static String newRequestId() {
    return "req-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime();
  }
}
