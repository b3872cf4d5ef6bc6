package io.gridbot.service.payment;

import static io.gridbot.service.TestData.anAccount;
import static io.gridbot.service.payment.PaymentAssertions.yuan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.payment.ReconciliationReport.ChannelSummary;
import io.gridbot.service.payment.ReconciliationReport.Difference;
import io.gridbot.service.payment.ReconciliationReport.Kind;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** Each test uses its own business day, long ago, so that no other test's payment falls in it. */
@SpringBootTest
@ActiveProfiles("it")
@Import(PaymentTestConfiguration.class)
class ReconciliationIT {

  @Autowired ReconciliationService reconciliation;
  @Autowired PaymentService payments;
  @Autowired JdbcTemplate jdbc;

  private OutTradeNo pay(AccountNo no, PaymentChannel channel, String amount, Instant paidAt) {
    OutTradeNo otn = payments.createOrder(no, yuan(amount), channel, null).outTradeNo();
    payments.confirm(otn, yuan(amount), "T" + otn.value(), paidAt);
    return otn;
  }

  @Test
  void a_day_whose_orders_ledger_and_channels_agree_reconciles() {
    // given payments on 2020-03-15 in Shanghai, one of them just before midnight there, one
    // just after (the next day), and one refunded since
    AccountNo no = anAccount().prepaid("0.00").insert(jdbc).accountNo();
    pay(no, PaymentChannel.WECHAT, "10.00", Instant.parse("2020-03-14T16:00:00Z"));
    pay(no, PaymentChannel.WECHAT, "20.50", Instant.parse("2020-03-15T15:59:59Z"));
    OutTradeNo refunded =
        pay(no, PaymentChannel.ALIPAY, "5.00", Instant.parse("2020-03-15T01:00:00Z"));
    payments.refund(refunded, yuan("5.00"), "退款", "staff-01");
    pay(no, PaymentChannel.WECHAT, "99.00", Instant.parse("2020-03-15T16:00:00Z"));

    // when
    ReconciliationReport report =
        reconciliation.reconcile(
            LocalDate.of(2020, 3, 15),
            Map.of(
                PaymentChannel.WECHAT, new ChannelTotal(2, yuan("30.50")),
                PaymentChannel.ALIPAY, new ChannelTotal(1, yuan("5.00"))));

    // then
    assertThat(report.reconciles()).isTrue();
    assertThat(report.channels())
        .extracting(
            ChannelSummary::channel,
            ChannelSummary::orders,
            ChannelSummary::orderSum,
            ChannelSummary::ledgerEntries,
            ChannelSummary::ledgerSum)
        .containsExactly(
            tuple(PaymentChannel.WECHAT, 2L, yuan("30.50"), 2L, yuan("30.50")),
            tuple(PaymentChannel.ALIPAY, 1L, yuan("5.00"), 1L, yuan("5.00")),
            tuple(PaymentChannel.WEB, 0L, yuan("0.00"), 0L, yuan("0.00")),
            tuple(PaymentChannel.COUNTER, 0L, yuan("0.00"), 0L, yuan("0.00")));
    assertThat(report.channels().get(2).reported()).isNull();
  }

  @Test
  void planted_differences_are_all_found() {
    // given three payments on 2020-04-01 in Shanghai
    Instant day = Instant.parse("2020-04-01T02:00:00Z");
    AccountNo no = anAccount().prepaid("0.00").insert(jdbc).accountNo();
    OutTradeNo fine = pay(no, PaymentChannel.WECHAT, "10.00", day);
    OutTradeNo tampered = pay(no, PaymentChannel.WECHAT, "20.00", day);
    OutTradeNo lost = pay(no, PaymentChannel.ALIPAY, "30.00", day);
    // and, planted behind the service's back: a ledger amount changed, a ledger entry removed,
    // a ledger payment for an order that does not exist
    jdbc.update(
        "UPDATE ledger_entry SET amount = 2.00, balance_delta = 2.00 WHERE reference = ?",
        tampered.value());
    jdbc.update("DELETE FROM ledger_entry WHERE reference = ?", lost.value());
    jdbc.update(
        "INSERT INTO ledger_entry (account_no, entry_type, amount, balance_delta, arrears_delta,"
            + " balance_after, arrears_after, reference, occurred_at)"
            + " VALUES (?, 'PAYMENT', 7.00, 7.00, 0, 7.00, 0, 'P2020040100000099999999', ?)",
        no.value(),
        Timestamp.from(day));

    // when the channels' statements are right except WeChat's count
    ReconciliationReport report =
        reconciliation.reconcile(
            LocalDate.of(2020, 4, 1),
            Map.of(
                PaymentChannel.WECHAT, new ChannelTotal(3, yuan("30.00")),
                PaymentChannel.ALIPAY, new ChannelTotal(1, yuan("30.00"))));

    // then
    assertThat(report.reconciles()).isFalse();
    assertThat(report.differences())
        .extracting(Difference::kind, Difference::channel, Difference::outTradeNo)
        .containsExactlyInAnyOrder(
            tuple(Kind.AMOUNT_DIFFERS, PaymentChannel.WECHAT, tampered.value()),
            tuple(Kind.ORDER_WITHOUT_LEDGER_ENTRY, PaymentChannel.ALIPAY, lost.value()),
            tuple(Kind.LEDGER_ENTRY_WITHOUT_ORDER, null, "P2020040100000099999999"),
            tuple(Kind.CHANNEL_TOTAL_DIFFERS, PaymentChannel.WECHAT, null));
    assertThat(report.differences()).noneMatch(d -> fine.value().equals(d.outTradeNo()));
    assertThat(report.channels().get(0).ledgerSum()).isEqualTo(yuan("12.00"));
    assertThat(report.channels().get(1).ledgerEntries()).isZero();
  }
}
