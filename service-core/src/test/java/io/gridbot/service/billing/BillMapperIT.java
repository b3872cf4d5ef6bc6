package io.gridbot.service.billing;

import static io.gridbot.service.TestData.aBill;
import static io.gridbot.service.TestData.anAccount;
import static io.gridbot.service.TestData.newAccountNo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.gridbot.service.account.AccountNo;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

@SpringBootTest
@ActiveProfiles("it")
@Transactional
class BillMapperIT {

  @Autowired BillMapper bills;
  @Autowired JdbcTemplate jdbc;

  @Test
  void reads_a_bill_exactly() {
    // given
    AccountNo no = anAccount().insert(jdbc).accountNo();
    Bill saved =
        aBill(no)
            .period("2026-07")
            .kwh("212.40", "158.20", "79.61")
            .amount("9999999999.99")
            .insert(jdbc);

    // when
    Bill found = bills.find(no, YearMonth.of(2026, 7)).orElseThrow();

    // then
    assertThat(found).isEqualTo(saved);
    assertThat(found.kwhFlat()).isEqualTo(new BigDecimal("79.61"));
    assertThat(found.amount()).isEqualTo(new BigDecimal("9999999999.99"));
    assertThat(found.dueDate()).isEqualTo(LocalDate.of(2026, 8, 25));
    assertThat(found.paid()).isFalse();
    assertThat(bills.find(no, YearMonth.of(2026, 8))).isEmpty();
  }

  @Test
  void latest_bills_come_newest_first_and_are_limited() {
    // given bills inserted out of order, across a year boundary
    AccountNo no = anAccount().insert(jdbc).accountNo();
    for (String period : new String[] {"2026-01", "2025-11", "2026-02", "2025-12", "2025-10"}) {
      aBill(no).period(period).paid().insert(jdbc);
    }
    aBill(anAccount().insert(jdbc).accountNo()).period("2026-03").insert(jdbc);

    // then
    assertThat(bills.findLatest(no, 3))
        .extracting(Bill::period)
        .containsExactly(YearMonth.of(2026, 2), YearMonth.of(2026, 1), YearMonth.of(2025, 12));
    assertThat(bills.findLatest(no, 12)).hasSize(5);
  }

  @Test
  void unpaid_bills_come_oldest_first() {
    // given
    AccountNo no = anAccount().postpaid("150.00").insert(jdbc).accountNo();
    aBill(no).period("2026-03").amount("50.00").insert(jdbc);
    aBill(no).period("2026-01").amount("60.00").paid().insert(jdbc);
    aBill(no).period("2026-02").amount("100.00").insert(jdbc);

    // then
    assertThat(bills.findUnpaid(no))
        .extracting(Bill::period, Bill::amount)
        .containsExactly(
            tuple(YearMonth.of(2026, 2), new BigDecimal("100.00")),
            tuple(YearMonth.of(2026, 3), new BigDecimal("50.00")));
  }

  @Test
  void an_account_without_bills_has_none() {
    AccountNo no = newAccountNo();

    assertThat(bills.findLatest(no, 12)).isEmpty();
    assertThat(bills.findUnpaid(no)).isEmpty();
  }
}
