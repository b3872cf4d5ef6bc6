package io.gridbot.service.payment;

import static io.gridbot.service.TestData.anAccount;
import static io.gridbot.service.payment.PaymentAssertions.yuan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.payment.ReconciliationReport.ChannelSummary;
import io.gridbot.service.payment.ReconciliationReport.Difference;
import io.gridbot.service.payment.ReconciliationReport.Kind;
import io.gridbot.service.port.ChannelRefunds;
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

/**
 * Each test uses its own business day, long ago, so that no other test's payment or refund falls in
 * it: refunds are made now and then recorded on that day by hand.
 */
@SpringBootTest
@ActiveProfiles("it")
@Import(PaymentTestConfiguration.class)
class ReconciliationIT {

  @Autowired ReconciliationService reconciliation;
  @Autowired PaymentService payments;
  @Autowired ChannelRefunds channelRefunds;
  @Autowired JdbcTemplate jdbc;

  private OutTradeNo pay(AccountNo no, PaymentChannel channel, String amount, Instant paidAt) {
    OutTradeNo otn = payments.createOrder(no, yuan(amount), channel, null).outTradeNo();
    payments.confirm(otn, yuan(amount), "T" + otn.value(), paidAt);
    return otn;
  }

  private String refund(OutTradeNo otn, String amount, Instant recordedAt) {
    String no = payments.refund(otn, yuan(amount), "退款", "staff-01").outRefundNo();
    jdbc.update(
        "UPDATE payment_refund SET created_at = ? WHERE out_refund_no = ?",
        Timestamp.from(recordedAt),
        no);
    return no;
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

  @Test
  void a_days_refunds_reconcile_with_the_ledger_net_of_reversals() {
    // given orders paid on 2020-05-10 in Shanghai and refunds recorded that day: one paid back,
    // one refused (its money back on the account), one abnormal and then paid after all, one of
    // a web order (no platform)
    Instant day = Instant.parse("2020-05-10T02:00:00Z");
    AccountNo no = anAccount().prepaid("0.00").insert(jdbc).accountNo();
    OutTradeNo wechat = pay(no, PaymentChannel.WECHAT, "50.00", day);
    OutTradeNo alipay = pay(no, PaymentChannel.ALIPAY, "20.00", day);
    OutTradeNo web = pay(no, PaymentChannel.WEB, "8.00", day);
    String paidBack = refund(wechat, "10.00", day.plusSeconds(3600));
    channelRefunds.succeeded(paidBack, null, null);
    String refused = refund(wechat, "5.00", day.plusSeconds(3600));
    channelRefunds.failed(refused, "NOT_ENOUGH");
    String late = refund(alipay, "3.00", day.plusSeconds(3600));
    channelRefunds.abnormal(late, null, "CLOSED");
    channelRefunds.succeeded(late, null, null);
    refund(web, "2.00", day.plusSeconds(3600));

    // when
    ReconciliationReport report =
        reconciliation.reconcile(
            LocalDate.of(2020, 5, 10),
            Map.of(
                PaymentChannel.WECHAT, new ChannelTotal(1, yuan("50.00")),
                PaymentChannel.ALIPAY, new ChannelTotal(1, yuan("20.00"))));

    // then
    assertThat(report.differences()).isEmpty();
    assertThat(report.reconciles()).isTrue();
    assertThat(report.channels())
        .extracting(
            ChannelSummary::channel,
            ChannelSummary::refunds,
            ChannelSummary::refundSum,
            ChannelSummary::reversedSum,
            ChannelSummary::ledgerRefundSum)
        .containsExactly(
            tuple(PaymentChannel.WECHAT, 2L, yuan("15.00"), yuan("5.00"), yuan("10.00")),
            tuple(PaymentChannel.ALIPAY, 1L, yuan("3.00"), yuan("0.00"), yuan("3.00")),
            tuple(PaymentChannel.WEB, 1L, yuan("2.00"), yuan("0.00"), yuan("2.00")),
            tuple(PaymentChannel.COUNTER, 0L, yuan("0.00"), yuan("0.00"), yuan("0.00")));
    assertThat(report.channels().get(0).orderSum()).isEqualTo(yuan("50.00"));
  }

  @Test
  void planted_refund_differences_are_all_found() {
    // given refunds recorded on 2020-05-12 in Shanghai
    Instant day = Instant.parse("2020-05-12T02:00:00Z");
    AccountNo no = anAccount().prepaid("0.00").insert(jdbc).accountNo();
    OutTradeNo wechat = pay(no, PaymentChannel.WECHAT, "50.00", day);
    OutTradeNo alipay = pay(no, PaymentChannel.ALIPAY, "30.00", day);
    String fine = refund(wechat, "4.00", day);
    channelRefunds.succeeded(fine, null, null);
    String lostReversal = refund(wechat, "5.00", day);
    channelRefunds.failed(lostReversal, "NOT_ENOUGH");
    String reversedTwice = refund(wechat, "3.00", day);
    channelRefunds.failed(reversedTwice, "NOT_ENOUGH");
    String tampered = refund(alipay, "6.00", day);
    String failedTheOldWay = refund(alipay, "7.00", day);
    // and, planted behind the service's back: a reversal removed, a reversal written twice, a
    // refund entry's amount changed, a refund failed without its money put back, and a refund
    // entry of that day that names no refund
    jdbc.update(
        "DELETE FROM ledger_entry WHERE out_refund_no = ? AND entry_type = 'REFUND_REVERSED'",
        lostReversal);
    jdbc.update(
        "INSERT INTO ledger_entry (account_no, entry_type, amount, balance_delta, arrears_delta,"
            + " balance_after, arrears_after, reference, out_refund_no, occurred_at)"
            + " VALUES (?, 'REFUND_REVERSED', 3.00, 3.00, 0, 0, 0, ?, ?, ?)",
        no.value(),
        wechat.value(),
        reversedTwice,
        Timestamp.from(day));
    jdbc.update(
        "UPDATE ledger_entry SET amount = -1.00, balance_delta = -1.00"
            + " WHERE out_refund_no = ? AND entry_type = 'REFUND'",
        tampered);
    jdbc.update(
        "UPDATE refund_dispatch SET state = 'FAILED', failure = 'REFUSED', last_error = 'old'"
            + " WHERE out_refund_no = ?",
        failedTheOldWay);
    jdbc.update(
        "INSERT INTO ledger_entry (account_no, entry_type, amount, balance_delta, arrears_delta,"
            + " balance_after, arrears_after, reference, occurred_at)"
            + " VALUES (?, 'REFUND', -9.00, -9.00, 0, 0, 0, ?, ?)",
        no.value(),
        wechat.value(),
        Timestamp.from(day.plusSeconds(60)));

    // when
    ReconciliationReport report = reconciliation.reconcile(LocalDate.of(2020, 5, 12), Map.of());

    // then every planted difference is found, and only those
    assertThat(report.reconciles()).isFalse();
    assertThat(report.differences())
        .extracting(
            Difference::kind, Difference::channel, Difference::outTradeNo, Difference::outRefundNo)
        .containsExactlyInAnyOrder(
            tuple(Kind.REFUND_LEDGER_DIFFERS, PaymentChannel.WECHAT, wechat.value(), lostReversal),
            tuple(Kind.REFUND_LEDGER_DIFFERS, PaymentChannel.WECHAT, wechat.value(), reversedTwice),
            tuple(Kind.REFUND_LEDGER_DIFFERS, PaymentChannel.ALIPAY, alipay.value(), tampered),
            tuple(
                Kind.REFUND_LEDGER_DIFFERS, PaymentChannel.ALIPAY, alipay.value(), failedTheOldWay),
            tuple(Kind.LEDGER_REFUND_WITHOUT_REFUND, PaymentChannel.WECHAT, wechat.value(), null));
    assertThat(report.differences())
        .filteredOn(d -> lostReversal.equals(d.outRefundNo()))
        .extracting(Difference::detail)
        .containsExactly("退款5.00元（FAILED，款项应已退回账户），账户应扣0.00元，账本1笔净扣5.00元");
    assertThat(report.differences())
        .filteredOn(d -> tampered.equals(d.outRefundNo()))
        .extracting(Difference::detail)
        .containsExactly("退款6.00元（PENDING），账户应扣6.00元，账本1笔净扣1.00元");
    // WeChat Pay: 12.00 refunded, 8.00 of it refused; the ledger took 4 + 5 - 3 + 9 off
    ChannelSummary wechatLine = report.channels().get(0);
    assertThat(wechatLine.refunds()).isEqualTo(3);
    assertThat(wechatLine.refundSum()).isEqualTo(yuan("12.00"));
    assertThat(wechatLine.reversedSum()).isEqualTo(yuan("8.00"));
    assertThat(wechatLine.ledgerRefundSum()).isEqualTo(yuan("15.00"));
  }
}
