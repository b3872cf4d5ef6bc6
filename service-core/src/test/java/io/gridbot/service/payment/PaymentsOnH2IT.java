package io.gridbot.service.payment;

import static io.gridbot.service.TestData.aBill;
import static io.gridbot.service.TestData.newAccountNo;
import static io.gridbot.service.TestData.newWechatUser;
import static io.gridbot.service.payment.PaymentAssertions.accountRow;
import static io.gridbot.service.payment.PaymentAssertions.assertArrearsMatchBills;
import static io.gridbot.service.payment.PaymentAssertions.yuan;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.port.ChannelRefunds;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** The payment area's SQL on H2 in MySQL mode, as the application's embedded profile runs it. */
@SpringBootTest
@ActiveProfiles("h2")
@Import(PaymentTestConfiguration.class)
class PaymentsOnH2IT {

  private static final Instant PAID_AT = Instant.parse("2021-06-01T02:00:00Z");

  @Autowired PaymentService payments;
  @Autowired LedgerService ledger;
  @Autowired ReconciliationService reconciliation;
  @Autowired ChannelRefunds channelRefunds;
  @Autowired RefundDispatches refundDispatches;
  @Autowired JdbcTemplate jdbc;

  /** TestData's account builder reads generated keys in a way H2 does not support. */
  private AccountNo postpaidAccountOnH2() {
    AccountNo no = newAccountNo();
    jdbc.update("INSERT INTO customer (name) VALUES ('测试用户')");
    long customerId = jdbc.queryForObject("SELECT MAX(id) FROM customer", Long.class);
    jdbc.update(
        "INSERT INTO account (account_no, customer_id, billing_mode, address, area_code,"
            + " registered_phone) VALUES (?, ?, 'POSTPAID', '测试小区1栋1单元101', 'CN-330106-001',"
            + " '13900001234')",
        no.value(),
        customerId);
    return no;
  }

  @Test
  void an_order_goes_through_charge_settlement_refund_and_reconciliation() {
    // given
    AccountNo no = postpaidAccountOnH2();
    aBill(no).period("2026-01").amount("60.00").insert(jdbc);
    aBill(no).period("2026-02").amount("40.00").insert(jdbc);
    ledger.chargeBill(no, YearMonth.of(2026, 1));
    ledger.chargeBill(no, YearMonth.of(2026, 2));
    OutTradeNo otn =
        payments
            .createOrder(no, yuan("80.00"), PaymentChannel.WECHAT, newWechatUser())
            .outTradeNo();

    // when
    payments.confirm(otn, yuan("80.00"), "4200" + otn.value(), PAID_AT);
    payments.confirm(otn, yuan("80.00"), "4200" + otn.value(), PAID_AT);
    payments.refund(otn, yuan("30.00"), "部分退款", "staff-01");
    OutTradeNo expired =
        payments.createOrder(no, yuan("1.00"), PaymentChannel.WEB, null).outTradeNo();
    payments.closeExpired(Instant.now().plusSeconds(60));

    // then
    assertThat(accountRow(jdbc, no)).isEqualTo(new Position(yuan("0"), yuan("50.00")));
    assertThat(ledger.derivedPosition(no)).isEqualTo(accountRow(jdbc, no));
    assertArrearsMatchBills(jdbc, no);
    assertThat(payments.find(expired).orElseThrow().state()).isEqualTo(PaymentState.CLOSED);
    assertThat(payments.find(otn).orElseThrow().refundedAmount()).isEqualTo(yuan("30.00"));
    ReconciliationReport report =
        reconciliation.reconcile(
            LocalDate.of(2021, 6, 1),
            Map.of(PaymentChannel.WECHAT, new ChannelTotal(1, yuan("80.00"))));
    assertThat(report.reconciles()).isTrue();
    assertThat(report.channels().get(0).orders()).isEqualTo(1);
  }

  @Test
  void a_refund_goes_through_the_outbox_to_its_end_and_shows_to_staff() {
    // given a refund of a paid WeChat Pay order
    AccountNo no = postpaidAccountOnH2();
    OutTradeNo otn =
        payments
            .createOrder(no, yuan("20.00"), PaymentChannel.WECHAT, newWechatUser())
            .outTradeNo();
    payments.confirm(otn, yuan("20.00"), "4200" + otn.value(), PAID_AT);
    String refund = payments.refund(otn, yuan("20.00"), "退费", "staff-01").outRefundNo();

    // when it is listed, fails once, is sent, then succeeds
    assertThat(channelRefunds.pending("wechat", 10))
        .extracting(ChannelRefunds.PendingRefund::outRefundNo)
        .contains(refund);
    assertThat(channelRefunds.retryLater(refund, "timeout")).isTrue();
    assertThat(channelRefunds.pending("wechat", 10))
        .extracting(ChannelRefunds.PendingRefund::outRefundNo)
        .doesNotContain(refund);
    assertThat(channelRefunds.sent(refund, "50300000001")).isTrue();
    assertThat(channelRefunds.awaiting("wechat", Instant.now().plusSeconds(1), 10))
        .extracting(ChannelRefunds.SentRefund::outRefundNo)
        .contains(refund);
    assertThat(channelRefunds.succeeded(refund, null, null))
        .isEqualTo(ChannelRefunds.Recorded.CHANGED);

    // then staff see it succeeded
    RefundDispatch shown = refundDispatches.find(refund).orElseThrow();
    assertThat(shown.state()).isEqualTo(RefundDispatchState.SUCCEEDED);
    assertThat(shown.attempts()).isEqualTo(1);
    assertThat(shown.finishedAt()).isNotNull();
    assertThat(
            refundDispatches.list(RefundDispatchState.SUCCEEDED, PaymentChannel.WECHAT, null, 10))
        .extracting(RefundDispatch::outRefundNo)
        .containsExactly(refund);
  }

  @Test
  void a_refund_the_platform_refused_is_put_back_taken_off_again_and_reconciled() {
    // given two refunds of an Alipay order paid and refunded on 2021-06-02 in Shanghai (the other
    // tests' days and channels are left alone)
    AccountNo no = postpaidAccountOnH2();
    aBill(no).period("2026-03").amount("30.00").insert(jdbc);
    ledger.chargeBill(no, YearMonth.of(2026, 3));
    OutTradeNo otn =
        payments
            .createOrder(no, yuan("50.00"), PaymentChannel.ALIPAY, newWechatUser())
            .outTradeNo();
    payments.confirm(otn, yuan("50.00"), "2088" + otn.value(), PAID_AT.plusSeconds(86_400));
    String refused = payments.refund(otn, yuan("40.00"), "退费", "staff-01").outRefundNo();
    String paidLate = payments.refund(otn, yuan("10.00"), "退费", "staff-01").outRefundNo();
    jdbc.update(
        "UPDATE payment_refund SET created_at = ? WHERE out_refund_no IN (?, ?)",
        java.sql.Timestamp.from(Instant.parse("2021-06-02T03:00:00Z")),
        refused,
        paidLate);
    assertThat(payments.find(otn).orElseThrow().state()).isEqualTo(PaymentState.REFUNDED);

    // when the platform refuses both, then pays the second after all
    assertThat(channelRefunds.failed(refused, "NOT_ENOUGH")).isTrue();
    assertThat(channelRefunds.failed(paidLate, "NOT_ENOUGH")).isTrue();
    assertThat(channelRefunds.succeeded(paidLate, null, null))
        .isEqualTo(ChannelRefunds.Recorded.CHANGED);

    // then only the second's money is off the account, and the order is paid with 40 refundable
    assertThat(accountRow(jdbc, no)).isEqualTo(new Position(yuan("10.00"), yuan("0")));
    assertThat(ledger.derivedPosition(no)).isEqualTo(accountRow(jdbc, no));
    assertArrearsMatchBills(jdbc, no);
    PaymentOrder order = payments.find(otn).orElseThrow();
    assertThat(order.state()).isEqualTo(PaymentState.PAID);
    assertThat(order.refundable()).isEqualTo(yuan("40.00"));
    assertThat(refundDispatches.find(refused).orElseThrow().reversals()).isEqualTo(1);

    // and the day's refunds reconcile, until a reversal goes missing
    ReconciliationReport report = reconciliation.reconcile(LocalDate.of(2021, 6, 2), Map.of());
    assertThat(report.differences()).isEmpty();
    assertThat(report.channels().get(1).refundSum()).isEqualTo(yuan("50.00"));
    assertThat(report.channels().get(1).reversedSum()).isEqualTo(yuan("40.00"));
    assertThat(report.channels().get(1).ledgerRefundSum()).isEqualTo(yuan("10.00"));
    jdbc.update(
        "DELETE FROM ledger_entry WHERE out_refund_no = ? AND entry_type = 'REFUND_REVERSED'",
        refused);
    assertThat(reconciliation.reconcile(LocalDate.of(2021, 6, 2), Map.of()).differences())
        .extracting(ReconciliationReport.Difference::outRefundNo)
        .containsExactly(refused);
  }
}
