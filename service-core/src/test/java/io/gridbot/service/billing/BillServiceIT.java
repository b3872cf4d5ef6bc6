package io.gridbot.service.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.service.account.AccountNo;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Reads the demo data's bills through the service. */
@SpringBootTest
@ActiveProfiles("it")
class BillServiceIT {

  private static final AccountNo OWING = new AccountNo("3300000002");
  private static final AccountNo PAID_UP = new AccountNo("3300000003");

  @Autowired BillService billService;

  @Test
  void recent_bills_are_the_latest_months_newest_first() {
    // when
    List<Bill> recent = billService.recentBills(PAID_UP, 6);

    // then
    assertThat(recent)
        .extracting(Bill::period)
        .containsExactly(
            YearMonth.of(2026, 10),
            YearMonth.of(2026, 9),
            YearMonth.of(2026, 8),
            YearMonth.of(2026, 7),
            YearMonth.of(2026, 6),
            YearMonth.of(2026, 5));
    assertThat(recent).allMatch(Bill::paid);
    assertThat(billService.recentBills(PAID_UP, 120)).hasSize(12);
  }

  @Test
  void unpaid_bills_add_up_to_the_arrears() {
    // when
    List<Bill> unpaid = billService.unpaidBills(OWING);

    // then
    assertThat(unpaid)
        .extracting(Bill::period)
        .containsExactly(YearMonth.of(2026, 9), YearMonth.of(2026, 10));
    assertThat(unpaid.stream().map(Bill::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualTo(new BigDecimal("86.40"));
    assertThat(billService.unpaidBills(PAID_UP)).isEmpty();
  }

  @Test
  void one_bill_by_period() {
    Bill july = billService.bill(PAID_UP, YearMonth.of(2026, 7)).orElseThrow();

    assertThat(july.amount()).isEqualTo(new BigDecimal("209.03"));
    assertThat(july.totalKwh()).isEqualTo(new BigDecimal("450.20"));
    assertThat(billService.bill(PAID_UP, YearMonth.of(2024, 1))).isEmpty();
  }

  @Test
  void months_must_be_between_1_and_120() {
    assertThatThrownBy(() -> billService.recentBills(PAID_UP, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> billService.recentBills(PAID_UP, 121))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
