package io.gridbot.service.autodebit;

import static io.gridbot.service.TestData.aBill;
import static io.gridbot.service.TestData.anAccount;
import static io.gridbot.service.TestData.newUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.payment.LedgerService;
import io.gridbot.service.port.AutoDebitAgreements;
import io.gridbot.service.port.AutoDebitAgreements.AgreementRefused;
import io.gridbot.service.port.AutoDebitAgreements.CancelledByCustomer;
import io.gridbot.service.port.AutoDebitAgreements.Deduction;
import io.gridbot.service.port.AutoDebitAgreements.DueBill;
import io.gridbot.service.port.AutoDebitAgreements.Refusal;
import io.gridbot.service.port.ChannelPayments.PaymentRefused;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The auto-debit port against the real schema: signing through the platform's notice, deductions of
 * due bills once per bill through the payments ledger, failures, and unsigning. Every call commits;
 * data is unique per test.
 */
@SpringBootTest
@ActiveProfiles("it")
@RecordApplicationEvents
class AutoDebitAgreementsIT {

  @Autowired AutoDebitAgreements port;
  @Autowired AutoDebitService autoDebit;
  @Autowired LedgerService ledger;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationEvents events;

  private final ChannelUser user = newUser("alipay");

  @Test
  void a_pending_agreement_is_shown_then_signed_by_the_platforms_notice_once() {
    // given
    AccountNo no = anAccount().insert(jdbc).accountNo();
    String request = request();
    autoDebit.requestSigning(no, user, AutoDebitChannel.ALIPAY, request);

    // when
    var pending = port.pending(request).orElseThrow();
    port.signed(pending.externalAgreementNo(), "20215527000000000001" + suffix());

    // then
    assertThat(pending.channel()).isEqualTo("alipay");
    assertThat(pending.externalAgreementNo()).matches("AD[0-9]{1,18}");
    assertThat(pending.accountMasked()).isEqualTo(no.masked());
    assertThat(pending.userId()).isEqualTo(user.userId());
    assertThat(port.pending(request)).isEmpty();
    assertThat(state(request)).isEqualTo("SIGNED");
    assertThatThrownBy(() -> port.signed(pending.externalAgreementNo(), "20215527999999999999"))
        .isInstanceOf(AgreementRefused.class)
        .extracting(e -> ((AgreementRefused) e).reason())
        .isEqualTo(Refusal.NOT_ALLOWED);
    assertThatThrownBy(() -> port.signed("AD999999999999", "20215527999999999998"))
        .isInstanceOf(AgreementRefused.class)
        .extracting(e -> ((AgreementRefused) e).reason())
        .isEqualTo(Refusal.NOT_FOUND);
  }

  @Test
  void a_due_bill_is_deducted_through_the_ledger_exactly_once() {
    // given
    Signed s = signedAccountWithBill("86.40");

    // when
    List<DueBill> due = dueOf(s.billId());
    Deduction started = port.start("alipay", s.billId());
    Deduction again = port.start("alipay", s.billId());
    // a transaction id of its own: other tests of this database confirm ALIPAY orders too
    String txn = "2026112733" + System.nanoTime();
    Deduction done =
        port.succeeded(started.outTradeNo(), new BigDecimal("86.40"), txn, Instant.now());
    Deduction repeated =
        port.succeeded(started.outTradeNo(), new BigDecimal("86.40"), txn, Instant.now());

    // then
    assertThat(due)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.amount()).isEqualByComparingTo("86.40");
              assertThat(d.agreementNo()).isEqualTo(s.agreementNo());
              assertThat(d.outTradeNo()).isNull();
            });
    assertThat(started.next()).isEqualTo(Deduction.Next.DEDUCT);
    assertThat(started.state()).isEqualTo("PENDING");
    assertThat(again.outTradeNo()).isEqualTo(started.outTradeNo());
    assertThat(again.next()).isEqualTo(Deduction.Next.DEDUCT);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM payment_order WHERE account_no = ?",
                Integer.class,
                s.no().value()))
        .isEqualTo(1);
    assertThat(
            jdbc.queryForMap(
                "SELECT channel, payer_channel, payer_user_id, amount FROM payment_order"
                    + " WHERE out_trade_no = ?",
                started.outTradeNo()))
        .containsEntry("channel", "ALIPAY")
        .containsEntry("payer_channel", "alipay")
        .containsEntry("payer_user_id", user.userId());
    assertThat(done.state()).isEqualTo("SUCCEEDED");
    assertThat(repeated.state()).isEqualTo("SUCCEEDED");
    assertThat(billPaid(s.billId())).isTrue();
    assertThat(arrears(s.no())).isEqualByComparingTo("0.00");
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM ledger_entry WHERE account_no = ? AND entry_type = 'PAYMENT'",
                Integer.class,
                s.no().value()))
        .isEqualTo(1);
    assertThat(dueOf(s.billId())).isEmpty();
    assertThat(port.start("alipay", s.billId()).next()).isEqualTo(Deduction.Next.NONE);
  }

  @Test
  void a_refused_deduction_fails_closes_its_order_and_is_not_tried_again() {
    // given
    Signed s = signedAccountWithBill("120.00");
    Deduction started = port.start("alipay", s.billId());

    // when
    Deduction failed = port.failed(started.outTradeNo(), "ACQ.BUYER_BALANCE_NOT_ENOUGH");
    Deduction failedAgain = port.failed(started.outTradeNo(), "again");

    // then
    assertThat(failed.state()).isEqualTo("FAILED");
    assertThat(failedAgain.state()).isEqualTo("FAILED");
    assertThat(
            jdbc.queryForObject(
                "SELECT failure FROM auto_debit_deduction WHERE out_trade_no = ?",
                String.class,
                started.outTradeNo()))
        .isEqualTo("ACQ.BUYER_BALANCE_NOT_ENOUGH");
    assertThat(
            jdbc.queryForObject(
                "SELECT state FROM payment_order WHERE out_trade_no = ?",
                String.class,
                started.outTradeNo()))
        .isEqualTo("CLOSED");
    assertThat(billPaid(s.billId())).isFalse();
    assertThat(arrears(s.no())).isEqualByComparingTo("120.00");
    assertThat(dueOf(s.billId())).isEmpty();
    assertThat(port.start("alipay", s.billId()).next()).isEqualTo(Deduction.Next.NONE);
  }

  @Test
  void a_wrong_amount_is_refused_and_changes_nothing() {
    // given
    Signed s = signedAccountWithBill("50.00");
    Deduction started = port.start("alipay", s.billId());

    // when / then
    assertThatThrownBy(
            () -> port.succeeded(started.outTradeNo(), new BigDecimal("5.00"), "t1", Instant.now()))
        .isInstanceOf(PaymentRefused.class);
    assertThat(billPaid(s.billId())).isFalse();
    assertThat(deductionState(started.outTradeNo())).isEqualTo("PENDING");
  }

  @Test
  void the_platforms_unsign_stops_deductions_and_a_pending_one_is_only_queried() {
    // given
    Signed s = signedAccountWithBill("30.00");
    Deduction started = port.start("alipay", s.billId());
    aBill(s.no()).period("2026-11").amount("40.00").insert(jdbc);
    long later = billId(s.no(), "2026-11");

    // when
    boolean first = port.unsigned("alipay", s.agreementNo());
    boolean second = port.unsigned("alipay", s.agreementNo());

    // then
    assertThat(first).isTrue();
    assertThat(second).isFalse();
    assertThat(state(s.request())).isEqualTo("UNSIGNED");
    assertThat(dueOf(later)).isEmpty();
    assertThat(dueOf(s.billId()))
        .singleElement()
        .satisfies(d -> assertThat(d.outTradeNo()).isEqualTo(started.outTradeNo()));
    assertThat(port.start("alipay", s.billId()).next()).isEqualTo(Deduction.Next.QUERY);
    assertThatThrownBy(() -> port.start("alipay", later)).isInstanceOf(AgreementRefused.class);
    assertThat(port.unsigned("alipay", "20219999999999999999")).isFalse();
    assertThat(events.stream(CancelledByCustomer.class)).isEmpty();
  }

  @Test
  void a_customers_cancellation_is_published_for_the_platform() {
    // given
    Signed s = signedAccountWithBill("30.00");

    // when
    autoDebit.unsign(s.no());

    // then
    assertThat(events.stream(CancelledByCustomer.class))
        .containsExactly(new CancelledByCustomer("alipay", s.request(), s.agreementNo()));
    assertThat(dueOf(s.billId())).isEmpty();
  }

  @Test
  void a_bill_paid_otherwise_while_its_deduction_was_pending_is_only_queried() {
    // given
    Signed s = signedAccountWithBill("30.00");
    Deduction started = port.start("alipay", s.billId());
    jdbc.update(
        "UPDATE bill SET paid = TRUE, settled_amount = amount, paid_at = CURRENT_TIMESTAMP(3) WHERE id = ?",
        s.billId());

    // when
    Deduction resumed = port.start("alipay", s.billId());

    // then
    assertThat(resumed.next()).isEqualTo(Deduction.Next.QUERY);
    assertThat(resumed.outTradeNo()).isEqualTo(started.outTradeNo());
  }

  private record Signed(AccountNo no, String request, String agreementNo, long billId) {}

  /** An account in good standing that signed with Alipay, then got a bill charged. */
  private Signed signedAccountWithBill(String amount) {
    AccountNo no = anAccount().insert(jdbc).accountNo();
    String request = request();
    String agreementNo = "2021" + suffix();
    autoDebit.requestSigning(no, user, AutoDebitChannel.ALIPAY, request);
    port.signed(port.pending(request).orElseThrow().externalAgreementNo(), agreementNo);
    aBill(no).period("2026-10").amount(amount).insert(jdbc);
    ledger.chargeBill(no, YearMonth.of(2026, 10));
    return new Signed(no, request, agreementNo, billId(no, "2026-10"));
  }

  private List<DueBill> dueOf(long billId) {
    return port.due("alipay", 1000).stream().filter(d -> d.billId() == billId).toList();
  }

  private long billId(AccountNo no, String period) {
    return jdbc.queryForObject(
        "SELECT id FROM bill WHERE account_no = ? AND period = ?", Long.class, no.value(), period);
  }

  private boolean billPaid(long billId) {
    return jdbc.queryForObject("SELECT paid FROM bill WHERE id = ?", Boolean.class, billId);
  }

  private BigDecimal arrears(AccountNo no) {
    return jdbc.queryForObject(
        "SELECT arrears FROM account WHERE account_no = ?", BigDecimal.class, no.value());
  }

  private String state(String request) {
    return jdbc.queryForObject(
        "SELECT state FROM auto_debit_agreement WHERE request_id = ?", String.class, request);
  }

  private String deductionState(String outTradeNo) {
    return jdbc.queryForObject(
        "SELECT state FROM auto_debit_deduction WHERE out_trade_no = ?", String.class, outTradeNo);
  }

  private static String request() {
    return "it:" + UUID.randomUUID();
  }

  private static String suffix() {
    return String.format(
        "%016d", Math.abs(UUID.randomUUID().getLeastSignificantBits() % 10_000_000_000_000_000L));
  }
}
