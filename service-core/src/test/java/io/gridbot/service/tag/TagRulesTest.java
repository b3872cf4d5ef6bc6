package io.gridbot.service.tag;

import static io.gridbot.service.tag.CustomerTag.AUTO_DEBIT_ELIGIBLE;
import static io.gridbot.service.tag.CustomerTag.HIGH_CONSUMPTION;
import static io.gridbot.service.tag.CustomerTag.LATE_PAYER;
import static io.gridbot.service.tag.CustomerTag.PEAK_HEAVY;
import static io.gridbot.service.tag.CustomerTag.PREPAID_LOW_BALANCE;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.BillingMode;
import io.gridbot.service.tag.TagRules.AccountFacts;
import io.gridbot.service.tag.TagRules.BillFacts;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TagRulesTest {

  private static final AccountNo NO = new AccountNo("3300123456");
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final TagRules rules = new TagRules(TagSettings.defaults());

  @Test
  void a_prepaid_balance_below_the_threshold_is_low() {
    assertThat(rules.evaluate(prepaid("19.99"), List.of(), TODAY)).contains(PREPAID_LOW_BALANCE);
    assertThat(rules.evaluate(prepaid("20.00"), List.of(), TODAY))
        .doesNotContain(PREPAID_LOW_BALANCE);
  }

  @Test
  void two_late_bills_within_twelve_months_make_a_late_payer() {
    // given one bill paid a day late (in China) and one unpaid past due
    List<BillFacts> bills =
        List.of(
            unpaid("2026-10", LocalDate.of(2026, 11, 25)),
            paid("2026-09", LocalDate.of(2026, 10, 25), LocalDate.of(2026, 10, 26)));

    assertThat(rules.evaluate(postpaid("41.00"), bills, TODAY)).contains(LATE_PAYER);
    // one late bill is not enough
    assertThat(rules.evaluate(postpaid("41.00"), bills.subList(0, 1), TODAY))
        .doesNotContain(LATE_PAYER);
  }

  @Test
  void paid_on_the_due_date_in_china_is_on_time_and_unpaid_before_due_is_not_late() {
    // 2026-10-25 23:30 in Shanghai is 15:30 UTC on the same day
    BillFacts onDueDate =
        new BillFacts(
            NO,
            YearMonth.of(2026, 9),
            kwh("10"),
            kwh("10"),
            kwh("10"),
            LocalDate.of(2026, 10, 25),
            Instant.parse("2026-10-25T15:30:00Z"));
    BillFacts notYetDue = unpaid("2026-11", LocalDate.of(2026, 12, 25));

    assertThat(rules.evaluate(postpaid("0.00"), List.of(notYetDue, onDueDate), TODAY))
        .doesNotContain(LATE_PAYER);
  }

  @Test
  void late_bills_older_than_the_lookback_do_not_count() {
    List<BillFacts> bills =
        List.of(
            paid("2025-09", LocalDate.of(2025, 10, 25), LocalDate.of(2025, 11, 2)),
            paid("2025-08", LocalDate.of(2025, 9, 25), LocalDate.of(2025, 10, 2)));

    assertThat(rules.evaluate(postpaid("0.00"), bills, TODAY)).doesNotContain(LATE_PAYER);
  }

  @Test
  void high_consumption_is_an_average_above_the_threshold_over_the_last_six_bills() {
    // six bills averaging 401 kWh, then an old small one that must not count
    List<BillFacts> bills = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      bills.add(bill(YearMonth.of(2026, 10).minusMonths(i), "100.00", "201.00", "100.00"));
    }
    bills.add(bill(YearMonth.of(2026, 4), "0.00", "0.00", "0.00"));

    assertThat(rules.evaluate(postpaid("0.00"), bills, TODAY)).contains(HIGH_CONSUMPTION);
    List<BillFacts> exactly400 = List.of(bill(YearMonth.of(2026, 10), "100", "200", "100"));
    assertThat(rules.evaluate(postpaid("0.00"), exactly400, TODAY))
        .doesNotContain(HIGH_CONSUMPTION);
  }

  @Test
  void peak_heavy_is_half_or_more_of_the_total_at_peak() {
    List<BillFacts> half = List.of(bill(YearMonth.of(2026, 10), "50", "30", "20"));
    List<BillFacts> less = List.of(bill(YearMonth.of(2026, 10), "49.99", "30.01", "20"));
    List<BillFacts> nothing = List.of(bill(YearMonth.of(2026, 10), "0", "0", "0"));

    assertThat(rules.evaluate(postpaid("0.00"), half, TODAY)).contains(PEAK_HEAVY);
    assertThat(rules.evaluate(postpaid("0.00"), less, TODAY)).doesNotContain(PEAK_HEAVY);
    assertThat(rules.evaluate(postpaid("0.00"), nothing, TODAY)).doesNotContain(PEAK_HEAVY);
  }

  @Test
  void auto_debit_needs_postpaid_nothing_owed_and_three_paid_bills() {
    List<BillFacts> three =
        List.of(
            paid("2026-10", LocalDate.of(2026, 11, 25), LocalDate.of(2026, 11, 10)),
            paid("2026-09", LocalDate.of(2026, 10, 25), LocalDate.of(2026, 10, 10)),
            paid("2026-08", LocalDate.of(2026, 9, 25), LocalDate.of(2026, 9, 10)));

    assertThat(rules.evaluate(postpaid("0.00"), three, TODAY)).contains(AUTO_DEBIT_ELIGIBLE);
    assertThat(rules.evaluate(postpaid("0.00"), three.subList(0, 2), TODAY))
        .doesNotContain(AUTO_DEBIT_ELIGIBLE);
    assertThat(rules.evaluate(postpaid("0.01"), three, TODAY)).doesNotContain(AUTO_DEBIT_ELIGIBLE);
    assertThat(rules.evaluate(prepaid("100.00"), three, TODAY)).doesNotContain(AUTO_DEBIT_ELIGIBLE);
  }

  @Test
  void an_account_with_a_charging_point_is_tagged_ev_charger() {
    AccountFacts charging =
        new AccountFacts(
            NO, BillingMode.PREPAID, new BigDecimal("500.00"), BigDecimal.ZERO, true, true);

    assertThat(rules.evaluate(charging, List.of(), TODAY)).contains(CustomerTag.EV_CHARGER);
    assertThat(rules.evaluate(prepaid("500.00"), List.of(), TODAY))
        .doesNotContain(CustomerTag.EV_CHARGER);
  }

  @Test
  void a_closed_account_has_no_rule_tags() {
    AccountFacts closed =
        new AccountFacts(NO, BillingMode.PREPAID, new BigDecimal("1.00"), BigDecimal.ZERO, false);

    assertThat(rules.evaluate(closed, List.of(), TODAY)).isEmpty();
  }

  private static AccountFacts prepaid(String balance) {
    return new AccountFacts(
        NO, BillingMode.PREPAID, new BigDecimal(balance), new BigDecimal("0.00"), true);
  }

  private static AccountFacts postpaid(String arrears) {
    return new AccountFacts(
        NO, BillingMode.POSTPAID, new BigDecimal("0.00"), new BigDecimal(arrears), true);
  }

  private static BillFacts bill(YearMonth period, String peak, String valley, String flat) {
    LocalDate due = period.plusMonths(1).atDay(25);
    return new BillFacts(
        NO,
        period,
        kwh(peak),
        kwh(valley),
        kwh(flat),
        due,
        due.minusDays(5).atStartOfDay(CHINA).toInstant());
  }

  private static BillFacts paid(String period, LocalDate due, LocalDate paidOn) {
    return new BillFacts(
        NO,
        YearMonth.parse(period),
        kwh("10"),
        kwh("10"),
        kwh("10"),
        due,
        paidOn.atTime(10, 0).atZone(CHINA).toInstant());
  }

  private static BillFacts unpaid(String period, LocalDate due) {
    return new BillFacts(NO, YearMonth.parse(period), kwh("10"), kwh("10"), kwh("10"), due, null);
  }

  private static BigDecimal kwh(String value) {
    return new BigDecimal(value);
  }
}
