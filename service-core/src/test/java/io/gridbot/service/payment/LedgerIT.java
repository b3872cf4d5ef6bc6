package io.gridbot.service.payment;

import static io.gridbot.service.TestData.aBill;
import static io.gridbot.service.TestData.anAccount;
import static io.gridbot.service.TestData.newAccountNo;
import static io.gridbot.service.payment.PaymentAssertions.accountRow;
import static io.gridbot.service.payment.PaymentAssertions.assertArrearsMatchBills;
import static io.gridbot.service.payment.PaymentAssertions.bill;
import static io.gridbot.service.payment.PaymentAssertions.ledgerRows;
import static io.gridbot.service.payment.PaymentAssertions.yuan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.AccountNotFound;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("it")
@Import(PaymentTestConfiguration.class)
class LedgerIT {

  private static final Instant PAID_AT = Instant.parse("2026-11-27T02:00:00Z");

  @Autowired LedgerService ledger;
  @Autowired PaymentService payments;
  @Autowired JdbcTemplate jdbc;

  private OutTradeNo pay(AccountNo no, String amount) {
    OutTradeNo otn =
        payments.createOrder(no, yuan(amount), PaymentChannel.ALIPAY, null).outTradeNo();
    payments.confirm(otn, yuan(amount), "2088" + otn.value(), PAID_AT);
    return otn;
  }

  private void issueAndCharge(AccountNo no, String period, String amount) {
    aBill(no).period(period).amount(amount).insert(jdbc);
    ledger.chargeBill(no, YearMonth.parse(period));
  }

  @Test
  void the_position_derived_from_the_ledger_equals_the_account_after_any_series_of_movements() {
    // given a postpaid account that starts at zero
    AccountNo no = anAccount().insert(jdbc).accountNo();

    // when bills are charged, paid in part, overpaid, refunded, and charged from the balance
    issueAndCharge(no, "2026-01", "95.98");
    OutTradeNo part = pay(no, "50.00");
    issueAndCharge(no, "2026-02", "60.20");
    OutTradeNo over = pay(no, "200.00");
    issueAndCharge(no, "2026-03", "30.10");
    payments.refund(over, yuan("120.00"), "多缴退回", "staff-03");
    payments.refund(part, yuan("50.00"), "误缴退回", "staff-03");
    issueAndCharge(no, "2026-04", "12.34");
    pay(no, "0.01");

    // then
    Position row = accountRow(jdbc, no);
    assertThat(ledger.derivedPosition(no)).isEqualTo(row);
    List<LedgerEntry> entries = ledger.entries(no);
    assertThat(entries).hasSize(9);
    LedgerEntry last = entries.get(entries.size() - 1);
    assertThat(new Position(last.balanceAfter(), last.arrearsAfter())).isEqualTo(row);
    BigDecimal net =
        entries.stream().map(LedgerEntry::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    // paid 250.01, refunded 170.00, charged 198.62
    assertThat(net).isEqualTo(yuan("-118.61"));
    assertThat(row.balance().subtract(row.arrears())).isEqualTo(net);
    assertThat(row).isEqualTo(new Position(yuan("0.00"), yuan("118.61")));
    assertArrearsMatchBills(jdbc, no);
    // the refunds re-opened 2026-03 and 2026-02 entirely and 2026-01 in part; 0.01 went to 2026-01
    assertThat(bill(jdbc, no, "2026-01")).isEqualTo("80.01/false");
    assertThat(bill(jdbc, no, "2026-02")).isEqualTo("0.00/false");
    assertThat(bill(jdbc, no, "2026-03")).isEqualTo("0.00/false");
    assertThat(entries)
        .extracting(LedgerEntry::type)
        .containsExactly(
            EntryType.BILL_CHARGE,
            EntryType.PAYMENT,
            EntryType.BILL_CHARGE,
            EntryType.PAYMENT,
            EntryType.BILL_CHARGE,
            EntryType.REFUND,
            EntryType.REFUND,
            EntryType.BILL_CHARGE,
            EntryType.PAYMENT);
  }

  @Test
  void a_prepaid_balance_pays_a_charged_bill_and_the_shortfall_becomes_arrears() {
    // given
    AccountNo no = anAccount().prepaid("0.00").insert(jdbc).accountNo();
    pay(no, "100.00");
    aBill(no).period("2026-05").amount("80.00").insert(jdbc);
    aBill(no).period("2026-06").amount("50.00").insert(jdbc);

    // when
    LedgerEntry covered = ledger.chargeBill(no, YearMonth.of(2026, 5));
    LedgerEntry shortfall = ledger.chargeBill(no, YearMonth.of(2026, 6));

    // then
    assertThat(covered.balanceDelta()).isEqualTo(yuan("-80.00"));
    assertThat(covered.arrearsDelta()).isEqualTo(yuan("0.00"));
    assertThat(bill(jdbc, no, "2026-05")).isEqualTo("80.00/true");
    assertThat(shortfall.amount()).isEqualTo(yuan("-50.00"));
    assertThat(shortfall.balanceDelta()).isEqualTo(yuan("-20.00"));
    assertThat(shortfall.arrearsDelta()).isEqualTo(yuan("30.00"));
    assertThat(shortfall.reference()).isEqualTo("bill:2026-06");
    assertThat(bill(jdbc, no, "2026-06")).isEqualTo("20.00/false");
    assertThat(accountRow(jdbc, no)).isEqualTo(new Position(yuan("0"), yuan("30.00")));
    assertThat(ledger.derivedPosition(no)).isEqualTo(accountRow(jdbc, no));
    assertArrearsMatchBills(jdbc, no);
  }

  @Test
  void charging_a_bill_twice_changes_nothing() {
    // given
    AccountNo no = anAccount().insert(jdbc).accountNo();
    aBill(no).period("2026-07").amount("10.00").insert(jdbc);
    LedgerEntry first = ledger.chargeBill(no, YearMonth.of(2026, 7));

    // when
    LedgerEntry again = ledger.chargeBill(no, YearMonth.of(2026, 7));

    // then
    assertThat(again).isEqualTo(first);
    assertThat(ledgerRows(jdbc, no)).isEqualTo(1);
    assertThat(accountRow(jdbc, no).arrears()).isEqualTo(yuan("10.00"));
  }

  @Test
  void only_issued_unpaid_bills_of_existing_accounts_can_be_charged() {
    AccountNo no = anAccount().insert(jdbc).accountNo();
    aBill(no).period("2026-08").paid().insert(jdbc);

    assertThatThrownBy(() -> ledger.chargeBill(no, YearMonth.of(2026, 9)))
        .isInstanceOf(BillNotChargeable.class)
        .satisfies(
            e ->
                assertThat(((BillNotChargeable) e).code()).isEqualTo("ledger.bill-not-chargeable"));
    assertThatThrownBy(() -> ledger.chargeBill(no, YearMonth.of(2026, 8)))
        .isInstanceOf(BillNotChargeable.class);
    assertThatThrownBy(() -> ledger.chargeBill(newAccountNo(), YearMonth.of(2026, 8)))
        .isInstanceOf(AccountNotFound.class);
    assertThat(ledgerRows(jdbc, no)).isZero();
  }

  @Test
  void an_account_without_entries_has_a_zero_position() {
    AccountNo no = anAccount().insert(jdbc).accountNo();

    assertThat(ledger.derivedPosition(no))
        .isEqualTo(new Position(BigDecimal.ZERO, BigDecimal.ZERO));
    assertThat(ledger.entries(no)).isEmpty();
  }
}
