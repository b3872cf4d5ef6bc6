package io.gridbot.service.payment;

import static io.gridbot.service.TestData.aBill;
import static io.gridbot.service.TestData.anAccount;
import static io.gridbot.service.TestData.newWechatUser;
import static io.gridbot.service.payment.PaymentAssertions.accountRow;
import static io.gridbot.service.payment.PaymentAssertions.assertArrearsMatchBills;
import static io.gridbot.service.payment.PaymentAssertions.bill;
import static io.gridbot.service.payment.PaymentAssertions.orderState;
import static io.gridbot.service.payment.PaymentAssertions.yuan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.payment.PaymentTestConfiguration.ConfirmedEvents;
import io.gridbot.service.payment.PaymentTestConfiguration.RecordingPublisher;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** Postpaid settlement of bills, oldest first, and refunds that reverse it. */
@SpringBootTest
@ActiveProfiles("it")
@Import(PaymentTestConfiguration.class)
class SettlementAndRefundIT {

  // bills of 2026-01/02/03 are due on 2026-02-25, 03-25 and 04-25
  private static final Instant BEFORE_FIRST_DUE = Instant.parse("2026-02-20T02:00:00Z");
  private static final Instant AFTER_FIRST_DUE = Instant.parse("2026-03-01T02:00:00Z");

  @Autowired PaymentService payments;
  @Autowired LedgerService ledger;
  @Autowired JdbcTemplate jdbc;
  @Autowired ConfirmedEvents events;
  @Autowired RecordingPublisher publisher;

  private AccountNo owingThreeBills() {
    AccountNo no = anAccount().postpaid("130.00").insert(jdbc).accountNo();
    aBill(no).period("2026-02").amount("40.00").insert(jdbc);
    aBill(no).period("2026-01").amount("60.00").insert(jdbc);
    aBill(no).period("2026-03").amount("30.00").insert(jdbc);
    aBill(no).period("2025-12").amount("99.00").paid().insert(jdbc);
    return no;
  }

  private OutTradeNo pay(AccountNo no, String amount, Instant paidAt) {
    OutTradeNo otn =
        payments.createOrder(no, yuan(amount), PaymentChannel.WECHAT, newWechatUser()).outTradeNo();
    payments.confirm(otn, yuan(amount), "4200" + otn.value(), paidAt);
    return otn;
  }

  @Test
  void a_partial_payment_settles_the_oldest_bill_and_covers_part_of_the_next() {
    // given
    AccountNo no = owingThreeBills();

    // when
    OutTradeNo otn = pay(no, "70.00", BEFORE_FIRST_DUE);

    // then
    assertThat(bill(jdbc, no, "2026-01")).isEqualTo("60.00/true");
    assertThat(bill(jdbc, no, "2026-02")).isEqualTo("10.00/false");
    assertThat(bill(jdbc, no, "2026-03")).isEqualTo("0.00/false");
    assertThat(bill(jdbc, no, "2025-12")).isEqualTo("0.00/true");
    assertThat(accountRow(jdbc, no)).isEqualTo(new Position(yuan("0"), yuan("60.00")));
    assertArrearsMatchBills(jdbc, no);
    assertThat(events.about(otn).get(0).onTime()).isTrue();
    assertThat(publisher.about(otn).get(0).notice().text()).contains("尚欠电费60.00元");
  }

  @Test
  void a_payment_beyond_the_arrears_settles_every_bill_and_keeps_the_excess_as_balance() {
    // given
    AccountNo no = owingThreeBills();
    pay(no, "70.00", AFTER_FIRST_DUE);

    // when
    OutTradeNo otn = pay(no, "100.00", AFTER_FIRST_DUE);

    // then
    assertThat(bill(jdbc, no, "2026-02")).isEqualTo("40.00/true");
    assertThat(bill(jdbc, no, "2026-03")).isEqualTo("30.00/true");
    assertThat(accountRow(jdbc, no)).isEqualTo(new Position(yuan("40.00"), yuan("0")));
    assertArrearsMatchBills(jdbc, no);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM bill WHERE account_no = ? AND paid = TRUE AND paid_at = ?",
                Integer.class,
                no.value(),
                java.sql.Timestamp.from(AFTER_FIRST_DUE)))
        .isEqualTo(3);
    // the 2026-02 bill was due 03-25, the 2026-03 bill 04-25: both settled in time
    assertThat(events.about(otn).get(0).onTime()).isTrue();
  }

  @Test
  void a_payment_after_a_due_date_is_not_on_time() {
    AccountNo no = owingThreeBills();

    OutTradeNo otn = pay(no, "10.00", AFTER_FIRST_DUE);

    assertThat(events.about(otn).get(0).onTime()).isFalse();
    assertThat(bill(jdbc, no, "2026-01")).isEqualTo("10.00/false");
  }

  @Test
  void a_refund_takes_the_balance_first_then_reopens_the_newest_bills() {
    // given arrears 0, balance 40 after paying 70 and 100
    AccountNo no = owingThreeBills();
    pay(no, "70.00", AFTER_FIRST_DUE);
    OutTradeNo second = pay(no, "100.00", AFTER_FIRST_DUE);

    // when
    Refund refund = payments.refund(second, yuan("100.00"), "客户重复缴费，申请退款", "staff-07");

    // then
    assertThat(refund.outRefundNo()).matches("R[0-9]{22}");
    assertThat(orderState(jdbc, second)).isEqualTo("REFUNDED");
    assertThat(accountRow(jdbc, no)).isEqualTo(new Position(yuan("0"), yuan("60.00")));
    assertThat(bill(jdbc, no, "2026-03")).isEqualTo("0.00/false");
    assertThat(bill(jdbc, no, "2026-02")).isEqualTo("10.00/false");
    assertThat(bill(jdbc, no, "2026-01")).isEqualTo("60.00/true");
    assertArrearsMatchBills(jdbc, no);
    LedgerEntry last = ledger.entries(no).get(ledger.entries(no).size() - 1);
    assertThat(last.type()).isEqualTo(EntryType.REFUND);
    assertThat(last.amount()).isEqualTo(yuan("-100.00"));
    assertThat(last.balanceDelta()).isEqualTo(yuan("-40.00"));
    assertThat(last.arrearsDelta()).isEqualTo(yuan("60.00"));
    assertThat(last.reference()).isEqualTo(second.value());
    assertThat(publisher.about(second))
        .extracting(p -> p.notice().key())
        .containsExactly(
            "payment:" + second, "payment:" + second + ":refund:" + refund.outRefundNo());
  }

  @Test
  void partial_refunds_add_up_and_the_last_yuan_makes_the_order_refunded() {
    // given a prepaid payment of 50
    AccountNo no = anAccount().prepaid("0.00").insert(jdbc).accountNo();
    OutTradeNo otn = pay(no, "50.00", AFTER_FIRST_DUE);

    // when
    payments.refund(otn, yuan("20.00"), "部分退款", "staff-01");

    // then
    assertThat(orderState(jdbc, otn)).isEqualTo("PAID");
    assertThat(payments.find(otn).orElseThrow().refundable()).isEqualTo(yuan("30.00"));
    assertThatThrownBy(() -> payments.refund(otn, yuan("30.01"), "超额退款", "staff-01"))
        .isInstanceOf(RefundExceedsPayment.class)
        .satisfies(
            e -> assertThat(((RefundExceedsPayment) e).refundable()).isEqualTo(yuan("30.00")));

    // when
    payments.refund(otn, yuan("30.00"), "余款退回", "staff-02");

    // then
    PaymentOrder refunded = payments.find(otn).orElseThrow();
    assertThat(refunded.state()).isEqualTo(PaymentState.REFUNDED);
    assertThat(refunded.refundedAmount()).isEqualTo(yuan("50.00"));
    assertThat(refunded.refundedAt()).isNotNull();
    assertThat(accountRow(jdbc, no)).isEqualTo(new Position(yuan("0"), yuan("0")));
    List<Refund> refunds = payments.refunds(otn);
    assertThat(refunds).extracting(Refund::amount).containsExactly(yuan("20.00"), yuan("30.00"));
    assertThat(refunds).extracting(Refund::staff).containsExactly("staff-01", "staff-02");
    assertThatThrownBy(() -> payments.refund(otn, yuan("1.00"), "再退", "staff-01"))
        .isInstanceOf(PaymentTransitionRefused.class)
        .hasMessageContaining("from REFUNDED to REFUNDED");
    // a repeated confirmation after the refund changes nothing
    assertThat(payments.confirm(otn, yuan("50.00"), "4200" + otn.value(), AFTER_FIRST_DUE))
        .isEqualTo(refunded);
    assertThat(accountRow(jdbc, no).balance()).isEqualTo(yuan("0.00"));
  }

  @Test
  void only_paid_orders_can_be_refunded_and_the_refund_needs_a_reason_and_staff() {
    AccountNo no = anAccount().prepaid("0.00").insert(jdbc).accountNo();
    OutTradeNo created =
        payments.createOrder(no, yuan("10"), PaymentChannel.WEB, null).outTradeNo();
    OutTradeNo paid = pay(no, "10.00", AFTER_FIRST_DUE);

    assertThatThrownBy(() -> payments.refund(created, yuan("10"), "退款", "staff-01"))
        .isInstanceOf(PaymentTransitionRefused.class)
        .hasMessageContaining("from CREATED to REFUNDED");
    assertThatThrownBy(() -> payments.refund(paid, yuan("10"), " ", "staff-01"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> payments.refund(paid, yuan("10"), "退款", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> payments.refund(paid, new BigDecimal("0.001"), "退款", "staff-01"))
        .isInstanceOf(PaymentAmountOutOfRange.class);
    assertThat(orderState(jdbc, paid)).isEqualTo("PAID");
    assertThat(payments.refunds(paid)).isEmpty();
  }
}
