package io.gridbot.service.tag;

import static io.gridbot.service.TestData.anAccount;
import static io.gridbot.service.TestData.newAccountNo;
import static io.gridbot.service.tag.CustomerTag.AUTO_DEBIT_ELIGIBLE;
import static io.gridbot.service.tag.CustomerTag.ELDERLY;
import static io.gridbot.service.tag.CustomerTag.EV_CHARGER;
import static io.gridbot.service.tag.CustomerTag.HIGH_CONSUMPTION;
import static io.gridbot.service.tag.CustomerTag.LATE_PAYER;
import static io.gridbot.service.tag.CustomerTag.PEAK_HEAVY;
import static io.gridbot.service.tag.CustomerTag.PREPAID_LOW_BALANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.AccountNotFound;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** Tags computed from accounts and bills planted with plain JDBC; every call commits. */
@SpringBootTest
@ActiveProfiles("it")
class TagServiceIT {

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final YearMonth THIS_MONTH = YearMonth.now(CHINA);

  @Autowired TagService tags;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void keepDemoAccountsFreeOfTags() {
    // the demo data script deletes and re-creates the demo accounts (SchemaOnMariaDbIT runs it)
    jdbc.update("DELETE FROM customer_tag WHERE account_no LIKE '330000000_'");
  }

  @Test
  void a_prepaid_account_with_little_credit_and_peak_heavy_high_bills() {
    // given six bills of 500 kWh, 300 of them at peak
    AccountNo no = anAccount().prepaid("8.50").insert(jdbc).accountNo();
    for (int i = 1; i <= 6; i++) {
      bill(no, THIS_MONTH.minusMonths(i), "300.00", "100.00", "100.00", 0);
    }

    // when
    var computed = tags.recompute(no);

    // then
    assertThat(computed)
        .containsExactlyInAnyOrder(PREPAID_LOW_BALANCE, PEAK_HEAVY, HIGH_CONSUMPTION);
    assertThat(tags.tagsOf(no))
        .extracting(AccountTag::tag, AccountTag::source)
        .containsExactly(
            tuple(PREPAID_LOW_BALANCE, TagSource.RULE),
            tuple(PEAK_HEAVY, TagSource.RULE),
            tuple(HIGH_CONSUMPTION, TagSource.RULE));
    assertThat(tags.tipsFor(no)).hasSize(3).first().asString().contains("充值");
    assertThat(tags.tipsFor(no).get(1)).contains("峰谷");
  }

  @Test
  void a_late_payer_loses_the_tag_once_the_bills_are_settled_on_time() {
    // given one bill paid 3 days late and one unpaid past due
    AccountNo no = anAccount().postpaid("60.00").insert(jdbc).accountNo();
    bill(no, THIS_MONTH.minusMonths(4), "50.00", "50.00", "50.00", 3);
    bill(no, THIS_MONTH.minusMonths(2), "50.00", "50.00", "50.00", null);

    // then
    assertThat(tags.recompute(no)).containsExactly(LATE_PAYER);

    // when the late bills drop out: rewritten as paid on time
    jdbc.update(
        "UPDATE bill SET paid = TRUE, paid_at = ? WHERE account_no = ?",
        Timestamp.valueOf(THIS_MONTH.minusMonths(10).atDay(1).atStartOfDay()),
        no.value());
    jdbc.update("UPDATE account SET arrears = 0 WHERE account_no = ?", no.value());

    // then
    assertThat(tags.recompute(no)).isEmpty();
    assertThat(tags.tagsOf(no)).isEmpty();
  }

  @Test
  void a_postpaid_account_with_three_paid_bills_and_nothing_owed_may_use_auto_debit() {
    AccountNo no = anAccount().postpaid("0.00").insert(jdbc).accountNo();
    for (int i = 1; i <= 3; i++) {
      bill(no, THIS_MONTH.minusMonths(i), "40.00", "80.00", "30.00", -5);
    }

    assertThat(tags.recompute(no)).containsExactly(AUTO_DEBIT_ELIGIBLE);
    assertThat(tags.accountsWithTag(AUTO_DEBIT_ELIGIBLE, null, 10_000)).contains(no);
  }

  @Test
  void staff_tags_survive_recomputes_and_may_double_a_rule_tag() {
    // given
    AccountNo no = anAccount().prepaid("5.00").insert(jdbc).accountNo();
    tags.addStaffTag(no, ELDERLY, "staff-007");
    tags.addStaffTag(no, ELDERLY, "staff-007");
    tags.addStaffTag(no, PREPAID_LOW_BALANCE, "staff-008");
    tags.recompute(no);

    // when the balance is topped up and the rules run again
    jdbc.update("UPDATE account SET balance = 300.00 WHERE account_no = ?", no.value());
    tags.recompute(no);
    tags.recomputeAll();

    // then only the rule tag went
    assertThat(tags.tagsOf(no))
        .extracting(AccountTag::tag, AccountTag::source, AccountTag::addedBy)
        .containsExactly(
            tuple(PREPAID_LOW_BALANCE, TagSource.STAFF, "staff-008"),
            tuple(ELDERLY, TagSource.STAFF, "staff-007"));

    // when staff remove one
    assertThat(tags.removeStaffTag(no, ELDERLY)).isTrue();
    assertThat(tags.removeStaffTag(no, ELDERLY)).isFalse();

    // then
    assertThat(tags.tagsOf(no)).extracting(AccountTag::tag).containsExactly(PREPAID_LOW_BALANCE);
    assertThat(tags.tipsFor(no)).singleElement().asString().contains("充值");
  }

  @Test
  void recompute_all_tags_every_account_and_campaigns_page_through_them() {
    // given three prepaid accounts low on credit and one with plenty
    AccountNo a = anAccount().prepaid("1.00").insert(jdbc).accountNo();
    AccountNo b = anAccount().prepaid("2.00").insert(jdbc).accountNo();
    AccountNo c = anAccount().prepaid("3.00").insert(jdbc).accountNo();
    AccountNo rich = anAccount().prepaid("500.00").insert(jdbc).accountNo();
    AccountNo closed = anAccount().prepaid("1.00").closed().insert(jdbc).accountNo();
    tags.addStaffTag(a, EV_CHARGER, "staff-001");

    // when
    int recomputed = tags.recomputeAll();

    // then
    int accounts = jdbc.queryForObject("SELECT COUNT(*) FROM account", Integer.class);
    assertThat(recomputed).isEqualTo(accounts);
    var low = tags.accountsWithTag(PREPAID_LOW_BALANCE, null, 10_000);
    assertThat(low)
        .contains(a, b, c)
        .doesNotContain(rich, closed)
        .isSortedAccordingTo(java.util.Comparator.comparing(AccountNo::value));
    var firstPage = tags.accountsWithTag(PREPAID_LOW_BALANCE, a, 1);
    assertThat(firstPage).containsExactly(b);
    assertThat(tags.accountsWithTag(PREPAID_LOW_BALANCE, b, 1)).containsExactly(c);
    // (other tests of this database connect charging points, which tag their accounts too)
    assertThat(tags.accountsWithTag(EV_CHARGER, null, 10_000))
        .contains(a)
        .doesNotContain(b, c, rich);
    assertThat(tags.tagsOf(closed)).isEmpty();
  }

  @Test
  void unknown_accounts_are_not_found() {
    AccountNo unknown = newAccountNo();

    assertThatThrownBy(() -> tags.recompute(unknown)).isInstanceOf(AccountNotFound.class);
    assertThatThrownBy(() -> tags.addStaffTag(unknown, ELDERLY, "staff-001"))
        .isInstanceOf(AccountNotFound.class);
    assertThat(tags.tipsFor(unknown)).isEmpty();
  }

  /** A bill due on the 25th of the next month, paid {@code daysLate} after it (null: unpaid). */
  private void bill(
      AccountNo no, YearMonth period, String peak, String valley, String flat, Integer daysLate) {
    LocalDate due = period.plusMonths(1).atDay(25);
    Timestamp paidAt =
        daysLate == null
            ? null
            : Timestamp.from(due.plusDays(daysLate).atTime(10, 0).atZone(CHINA).toInstant());
    jdbc.update(
        "INSERT INTO bill (account_no, period, kwh_peak, kwh_valley, kwh_flat, amount, due_date,"
            + " paid, paid_at) VALUES (?, ?, ?, ?, ?, 100.00, ?, ?, ?)",
        no.value(),
        period.toString(),
        new java.math.BigDecimal(peak),
        new java.math.BigDecimal(valley),
        new java.math.BigDecimal(flat),
        due,
        paidAt != null,
        paidAt);
  }
}
