package io.gridbot.service.payment;

import static io.gridbot.service.TestData.aBill;
import static io.gridbot.service.TestData.anAccount;
import static io.gridbot.service.TestData.newWechatUser;
import static io.gridbot.service.payment.PaymentAssertions.accountRow;
import static io.gridbot.service.payment.PaymentAssertions.assertArrearsMatchBills;
import static io.gridbot.service.payment.PaymentAssertions.bill;
import static io.gridbot.service.payment.PaymentAssertions.ledgerRows;
import static io.gridbot.service.payment.PaymentAssertions.yuan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.port.ChannelRefunds;
import io.gridbot.service.port.ChannelRefunds.Recorded;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * A refund the platform does not pay back puts its money back on the account, once, and takes it
 * off again, once, when it leaves after all; on MariaDB, with racing reports on threads. The cap of
 * attempts is 2 here.
 */
@SpringBootTest(properties = "gridbot.payment.refunds.max-attempts=2")
@ActiveProfiles("it")
@Import(PaymentTestConfiguration.class)
class RefundReversalIT {

  private static final int THREADS = 8;

  @Autowired PaymentService payments;
  @Autowired LedgerService ledger;
  @Autowired ChannelRefunds refunds;
  @Autowired RefundDispatches staffView;
  @Autowired JdbcTemplate jdbc;
  @Autowired PaymentTestConfiguration.RecordingPublisher published;

  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  private OutTradeNo pay(AccountNo no, PaymentChannel channel, String amount) {
    OutTradeNo otn = payments.createOrder(no, yuan(amount), channel, newWechatUser()).outTradeNo();
    payments.confirm(otn, yuan(amount), "T" + otn.value(), Instant.now());
    return otn;
  }

  private AccountNo prepaidZero() {
    return anAccount().prepaid("0.00").insert(jdbc).accountNo();
  }

  private String refund(OutTradeNo otn, String amount) {
    return payments.refund(otn, yuan(amount), "多缴退费", "staff-1").outRefundNo();
  }

  private void giveUp(String outRefundNo) {
    assertThat(refunds.retryLater(outRefundNo, "connect timed out")).isTrue();
    assertThat(refunds.retryLater(outRefundNo, "connect timed out")).isTrue();
    assertThat(staffView.find(outRefundNo).orElseThrow().failure())
        .isEqualTo(RefundFailure.ATTEMPTS);
  }

  private List<EntryType> types(AccountNo no) {
    return ledger.entries(no).stream().map(LedgerEntry::type).toList();
  }

  private LedgerEntry last(AccountNo no) {
    List<LedgerEntry> entries = ledger.entries(no);
    return entries.get(entries.size() - 1);
  }

  /** What the refund's ledger entries took off the account, net (negative: money off). */
  private BigDecimal ledgerNet(String outRefundNo) {
    return jdbc.queryForObject(
        "SELECT COALESCE(SUM(amount), 0) FROM ledger_entry WHERE out_refund_no = ?",
        BigDecimal.class,
        outRefundNo);
  }

  private int reversalRows(String outRefundNo) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM ledger_entry WHERE out_refund_no = ?"
            + " AND entry_type = 'REFUND_REVERSED'",
        Integer.class,
        outRefundNo);
  }

  private void assertLedgerExplainsTheAccount(AccountNo no) {
    assertThat(ledger.derivedPosition(no)).isEqualTo(accountRow(jdbc, no));
  }

  @Test
  void aRefusedRefundPutsItsMoneyBackOnceAndTheOrderMayBeRefundedAgain() {
    // given a prepaid account that paid 60.00 and was refunded 25.00 of it
    AccountNo no = prepaidZero();
    OutTradeNo otn = pay(no, PaymentChannel.WECHAT, "60.00");
    String refund = refund(otn, "25.00");
    assertThat(accountRow(jdbc, no)).isEqualTo(new Position(yuan("35.00"), yuan("0")));

    // when the platform refuses it, and the refusal is reported again
    assertThat(refunds.failed(refund, "NOT_ENOUGH 商户余额不足")).isTrue();
    assertThat(refunds.failed(refund, "NOT_ENOUGH 商户余额不足")).isFalse();

    // then the money is back on the account, by one compensating entry
    assertThat(accountRow(jdbc, no)).isEqualTo(new Position(yuan("60.00"), yuan("0")));
    assertLedgerExplainsTheAccount(no);
    assertThat(types(no))
        .containsExactly(EntryType.PAYMENT, EntryType.REFUND, EntryType.REFUND_REVERSED);
    LedgerEntry reversal = last(no);
    assertThat(reversal.amount()).isEqualTo(yuan("25.00"));
    assertThat(reversal.balanceDelta()).isEqualTo(yuan("25.00"));
    assertThat(reversal.arrearsDelta()).isEqualTo(yuan("0.00"));
    assertThat(reversal.reference()).isEqualTo(otn.value());
    assertThat(reversal.outRefundNo()).isEqualTo(refund);
    assertThat(ledger.entries(no).get(1).outRefundNo()).isEqualTo(refund);
    RefundDispatch failed = staffView.find(refund).orElseThrow();
    assertThat(failed.reversals()).isEqualTo(1);
    assertThat(failed.redebits()).isZero();
    // and the payer, told of the refund, is told once that it did not arrive and where it is
    assertThat(published.about(otn))
        .extracting(p -> p.notice().key())
        .containsOnlyOnce("payment:" + otn.value() + ":refund:" + refund + ":back:1");
    assertThat(
            published.about(otn).stream()
                .filter(p -> p.notice().key().endsWith(":back:1"))
                .findFirst()
                .orElseThrow()
                .notice()
                .text())
        .contains("未能退回", "存回您的电费账户", "25.00元");

    // and the order counts as paid in full again, so staff may refund it again
    PaymentOrder order = payments.find(otn).orElseThrow();
    assertThat(order.state()).isEqualTo(PaymentState.PAID);
    assertThat(order.refundedAmount()).isEqualTo(yuan("0.00"));
    assertThat(order.refundable()).isEqualTo(yuan("60.00"));
    refund(otn, "60.00");
    assertThat(payments.find(otn).orElseThrow().state()).isEqualTo(PaymentState.REFUNDED);
    assertThat(accountRow(jdbc, no)).isEqualTo(new Position(yuan("0.00"), yuan("0")));
    assertLedgerExplainsTheAccount(no);
  }

  @Test
  void anAbnormalEndReSettlesTheBillsTheRefundReopenedAndPayingItLateTakesItOffAgain() {
    // given a postpaid account whose 100.00 payment settled two bills, refunded in full
    AccountNo no = anAccount().insert(jdbc).accountNo();
    aBill(no).period("2026-01").amount("60.00").insert(jdbc);
    aBill(no).period("2026-02").amount("40.00").insert(jdbc);
    ledger.chargeBill(no, YearMonth.of(2026, 1));
    ledger.chargeBill(no, YearMonth.of(2026, 2));
    OutTradeNo otn = pay(no, PaymentChannel.WECHAT, "100.00");
    String refund = refund(otn, "100.00");
    assertThat(payments.find(otn).orElseThrow().state()).isEqualTo(PaymentState.REFUNDED);
    assertThat(bill(jdbc, no, "2026-01")).isEqualTo("0.00/false");
    assertThat(accountRow(jdbc, no)).isEqualTo(new Position(yuan("0"), yuan("100.00")));
    refunds.sent(refund, "50300000001");

    // when WeChat Pay ends it abnormally, twice
    assertThat(refunds.abnormal(refund, null, "ABNORMAL")).isEqualTo(Recorded.CHANGED);
    assertThat(refunds.abnormal(refund, null, "ABNORMAL")).isEqualTo(Recorded.ALREADY);

    // then the money settles the bills again, and the order is PAID, nothing refunded
    assertThat(accountRow(jdbc, no)).isEqualTo(new Position(yuan("0"), yuan("0")));
    assertThat(bill(jdbc, no, "2026-01")).isEqualTo("60.00/true");
    assertThat(bill(jdbc, no, "2026-02")).isEqualTo("40.00/true");
    assertArrearsMatchBills(jdbc, no);
    assertLedgerExplainsTheAccount(no);
    LedgerEntry reversal = last(no);
    assertThat(reversal.type()).isEqualTo(EntryType.REFUND_REVERSED);
    assertThat(reversal.amount()).isEqualTo(yuan("100.00"));
    assertThat(reversal.balanceDelta()).isEqualTo(yuan("0.00"));
    assertThat(reversal.arrearsDelta()).isEqualTo(yuan("-100.00"));
    assertThat(reversalRows(refund)).isEqualTo(1);
    PaymentOrder paidAgain = payments.find(otn).orElseThrow();
    assertThat(paidAgain.state()).isEqualTo(PaymentState.PAID);
    assertThat(paidAgain.refundedAmount()).isEqualTo(yuan("0.00"));
    assertThat(paidAgain.refundedAt()).isNull();
    assertThat(paidAgain.refundable()).isEqualTo(yuan("100.00"));

    // when staff have WeChat Pay pay it after all, reported twice
    assertThat(refunds.succeeded(refund, null, null)).isEqualTo(Recorded.CHANGED);
    assertThat(refunds.succeeded(refund, null, null)).isEqualTo(Recorded.ALREADY);

    // then the money left once: the bills are open again and the order refunded
    assertThat(accountRow(jdbc, no)).isEqualTo(new Position(yuan("0"), yuan("100.00")));
    assertThat(bill(jdbc, no, "2026-01")).isEqualTo("0.00/false");
    assertArrearsMatchBills(jdbc, no);
    assertLedgerExplainsTheAccount(no);
    assertThat(ledgerNet(refund)).isEqualByComparingTo("-100.00");
    PaymentOrder refunded = payments.find(otn).orElseThrow();
    assertThat(refunded.state()).isEqualTo(PaymentState.REFUNDED);
    assertThat(refunded.refundedAmount()).isEqualTo(yuan("100.00"));
    assertThat(refunded.refundedAt()).isNotNull();
  }

  @Test
  void aRefundRefusedAndThenPaidByThePlatformIsOneRefundInTheLedger() {
    // given a refused refund, its money back
    AccountNo no = prepaidZero();
    OutTradeNo otn = pay(no, PaymentChannel.ALIPAY, "60.00");
    String refund = refund(otn, "25.00");
    refunds.failed(refund, "ACQ.SYSTEM_ERROR");

    // when Alipay reports it paid after all
    assertThat(refunds.succeeded(refund, null, null)).isEqualTo(Recorded.CHANGED);

    // then the money left once
    assertThat(accountRow(jdbc, no)).isEqualTo(new Position(yuan("35.00"), yuan("0")));
    assertLedgerExplainsTheAccount(no);
    assertThat(types(no))
        .containsExactly(
            EntryType.PAYMENT, EntryType.REFUND, EntryType.REFUND_REVERSED, EntryType.REFUND);
    assertThat(ledgerNet(refund)).isEqualByComparingTo("-25.00");
    assertThat(
            jdbc.queryForList(
                "SELECT dedup_key FROM ledger_entry WHERE out_refund_no = ? ORDER BY id",
                String.class,
                refund))
        .containsExactly(
            "refund:" + refund, "refund-reversal:" + refund + ":1", "refund:" + refund + ":1");
    PaymentOrder order = payments.find(otn).orElseThrow();
    assertThat(order.state()).isEqualTo(PaymentState.PAID);
    assertThat(order.refundedAmount()).isEqualTo(yuan("25.00"));
    RefundDispatch succeeded = staffView.find(refund).orElseThrow();
    assertThat(succeeded.reversals()).isEqualTo(1);
    assertThat(succeeded.redebits()).isEqualTo(1);

    // and nothing moves the money any more
    assertThat(refunds.succeeded(refund, null, null)).isEqualTo(Recorded.ALREADY);
    assertThat(refunds.failed(refund, "again")).isFalse();
    assertThat(refunds.abnormal(refund, null, "CLOSED")).isEqualTo(Recorded.REFUSED);
    assertThat(ledgerRows(jdbc, no)).isEqualTo(4);
  }

  @Test
  void staffSendingAGivenUpRefundAgainTakesItsMoneyOffAgainOncePerRetry() {
    // given a refund given up after two transient errors: its money is back
    AccountNo no = prepaidZero();
    OutTradeNo otn = pay(no, PaymentChannel.WECHAT, "60.00");
    String refund = refund(otn, "25.00");
    giveUp(refund);
    assertThat(accountRow(jdbc, no).balance()).isEqualTo(yuan("60.00"));
    assertThat(payments.find(otn).orElseThrow().refundedAmount()).isEqualTo(yuan("0.00"));

    // when staff send it again
    RefundDispatch retried = staffView.retry(refund, "staff-2");

    // then it is pending and its money is off the account and refunded on the order again
    assertThat(retried.state()).isEqualTo(RefundDispatchState.PENDING);
    assertThat(retried.redebits()).isEqualTo(1);
    assertThat(accountRow(jdbc, no).balance()).isEqualTo(yuan("35.00"));
    assertThat(payments.find(otn).orElseThrow().refundedAmount()).isEqualTo(yuan("25.00"));
    assertThatThrownBy(() -> staffView.retry(refund, "staff-2"))
        .isInstanceOf(RefundRetryRefused.class);
    assertThat(accountRow(jdbc, no).balance()).isEqualTo(yuan("35.00"));

    // when it is given up again, sent again, and then paid
    giveUp(refund);
    assertThat(accountRow(jdbc, no).balance()).isEqualTo(yuan("60.00"));
    staffView.retry(refund, "staff-2");
    assertThat(refunds.sent(refund, "50300000009")).isTrue();
    assertThat(refunds.succeeded(refund, null, null)).isEqualTo(Recorded.CHANGED);

    // then every reversal was matched by one re-debit: one refund in all
    assertThat(accountRow(jdbc, no)).isEqualTo(new Position(yuan("35.00"), yuan("0")));
    assertLedgerExplainsTheAccount(no);
    assertThat(types(no))
        .containsExactly(
            EntryType.PAYMENT,
            EntryType.REFUND,
            EntryType.REFUND_REVERSED,
            EntryType.REFUND,
            EntryType.REFUND_REVERSED,
            EntryType.REFUND);
    assertThat(ledgerNet(refund)).isEqualByComparingTo("-25.00");
    RefundDispatch done = staffView.find(refund).orElseThrow();
    assertThat(done.reversals()).isEqualTo(2);
    assertThat(done.redebits()).isEqualTo(2);
    assertThat(payments.find(otn).orElseThrow().refundedAmount()).isEqualTo(yuan("25.00"));
  }

  @Test
  void aRetryIsRefusedWhenTheOrderWasRefundedAgainMeanwhileButThePlatformsWordStillCounts() {
    // given a full refund given up, and the order refunded in full again by a new refund
    AccountNo no = prepaidZero();
    OutTradeNo otn = pay(no, PaymentChannel.WECHAT, "60.00");
    String first = refund(otn, "60.00");
    giveUp(first);
    assertThat(payments.find(otn).orElseThrow().state()).isEqualTo(PaymentState.PAID);
    refund(otn, "60.00");
    assertThat(payments.find(otn).orElseThrow().state()).isEqualTo(PaymentState.REFUNDED);
    int rows = ledgerRows(jdbc, no);

    // when staff try to send the first again
    assertThatThrownBy(() -> staffView.retry(first, "staff-2"))
        .isInstanceOf(RefundRetryRefused.class)
        .hasMessageContaining("refunded again")
        .hasMessageContaining("0 yuan left")
        .satisfies(
            e ->
                assertThat(((RefundRetryRefused) e).code()).isEqualTo("refund.transition-refused"));

    // then nothing changed
    RefundDispatch stillFailed = staffView.find(first).orElseThrow();
    assertThat(stillFailed.state()).isEqualTo(RefundDispatchState.FAILED);
    assertThat(stillFailed.redebits()).isZero();
    assertThat(ledgerRows(jdbc, no)).isEqualTo(rows);
    assertThat(accountRow(jdbc, no).balance()).isEqualTo(yuan("0.00"));

    // when WeChat Pay reports the first paid after all: the money left twice
    assertThat(refunds.succeeded(first, null, null)).isEqualTo(Recorded.CHANGED);

    // then the ledger says so (the account owes it), and the order stays refunded in full
    assertThat(accountRow(jdbc, no)).isEqualTo(new Position(yuan("0.00"), yuan("60.00")));
    assertLedgerExplainsTheAccount(no);
    assertThat(ledgerNet(first)).isEqualByComparingTo("-60.00");
    PaymentOrder order = payments.find(otn).orElseThrow();
    assertThat(order.state()).isEqualTo(PaymentState.REFUNDED);
    assertThat(order.refundedAmount()).isEqualTo(yuan("60.00"));
  }

  @Test
  void aRefundThatFailedBeforeReversalsExistedIsNeitherPutBackNorTakenOffAgain() {
    // given refunds failed the old way: state changed, money never put back
    AccountNo no = prepaidZero();
    OutTradeNo otn = pay(no, PaymentChannel.WECHAT, "60.00");
    String gaveUp = refund(otn, "25.00");
    String refused = refund(otn, "5.00");
    jdbc.update(
        "UPDATE refund_dispatch SET state = 'FAILED', failure = 'ATTEMPTS', last_error = 'old'"
            + " WHERE out_refund_no = ?",
        gaveUp);
    jdbc.update(
        "UPDATE refund_dispatch SET state = 'FAILED', failure = 'REFUSED', last_error = 'old'"
            + " WHERE out_refund_no = ?",
        refused);
    assertThat(accountRow(jdbc, no).balance()).isEqualTo(yuan("30.00"));

    // when staff send one again and the platform pays the other
    assertThat(staffView.retry(gaveUp, "staff-2").state()).isEqualTo(RefundDispatchState.PENDING);
    assertThat(refunds.succeeded(refused, null, null)).isEqualTo(Recorded.CHANGED);

    // then their money, still off the account, is not taken off a second time
    assertThat(accountRow(jdbc, no).balance()).isEqualTo(yuan("30.00"));
    assertThat(ledgerNet(gaveUp)).isEqualByComparingTo("-25.00");
    assertThat(ledgerNet(refused)).isEqualByComparingTo("-5.00");
    assertThat(ledgerRows(jdbc, no)).isEqualTo(3);
    assertThat(payments.find(otn).orElseThrow().refundedAmount()).isEqualTo(yuan("30.00"));
  }

  @Test
  void failureReportsRacingOnThreadsPutTheMoneyBackOnce() throws Exception {
    for (int round = 0; round < 3; round++) {
      // given
      AccountNo no = prepaidZero();
      OutTradeNo otn = pay(no, PaymentChannel.WECHAT, "60.00");
      String refund = refund(otn, "25.00");
      refunds.sent(refund, "50300000010");
      refunds.sendAgain(refund, "RESOURCE_NOT_EXISTS");

      // when refusals, abnormal ends and transient errors are reported at once
      List<Callable<Object>> reports = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        switch (i % 3) {
          case 0 -> reports.add(() -> refunds.failed(refund, "NOT_ENOUGH"));
          case 1 -> reports.add(() -> refunds.abnormal(refund, null, "CLOSED"));
          default -> reports.add(() -> refunds.retryLater(refund, "timeout"));
        }
      }
      run(reports);

      // then whichever won, the money is back once
      RefundDispatch ended = staffView.find(refund).orElseThrow();
      assertThat(ended.state()).isIn(RefundDispatchState.FAILED, RefundDispatchState.ABNORMAL);
      assertThat(reversalRows(refund)).isEqualTo(1);
      assertThat(ended.reversals()).isEqualTo(1);
      assertThat(ledgerNet(refund)).isEqualByComparingTo("0.00");
      assertThat(accountRow(jdbc, no)).isEqualTo(new Position(yuan("60.00"), yuan("0")));
      assertLedgerExplainsTheAccount(no);
      assertThat(payments.find(otn).orElseThrow().refundedAmount()).isEqualTo(yuan("0.00"));
    }
  }

  @Test
  void racingOutcomesLeaveTheLedgerTrueToTheLastOne() throws Exception {
    for (int round = 0; round < 3; round++) {
      // given a pending refund and one given up
      AccountNo no = prepaidZero();
      OutTradeNo otn = pay(no, PaymentChannel.WECHAT, "60.00");
      String pending = refund(otn, "25.00");
      String gaveUp = refund(otn, "10.00");
      giveUp(gaveUp);

      // when the platform's success, refusal and abnormal end race for the first, and its
      // success races staff sending the second again
      List<Callable<Object>> reports = new ArrayList<>();
      for (int i = 0; i < THREADS / 2; i++) {
        switch (i % 3) {
          case 0 -> reports.add(() -> refunds.succeeded(pending, null, null));
          case 1 -> reports.add(() -> refunds.failed(pending, "NOT_ENOUGH"));
          default -> reports.add(() -> refunds.abnormal(pending, null, "CLOSED"));
        }
        reports.add(
            i % 2 == 0
                ? () -> refunds.succeeded(gaveUp, null, null)
                : () -> {
                  try {
                    return staffView.retry(gaveUp, "staff-3");
                  } catch (RefundRetryRefused e) {
                    return e;
                  }
                });
      }
      run(reports);

      // then the first's money is off exactly when it succeeded; the second's is off
      RefundDispatchState first = staffView.find(pending).orElseThrow().state();
      BigDecimal expected = first == RefundDispatchState.SUCCEEDED ? yuan("-25.00") : yuan("0.00");
      assertThat(ledgerNet(pending)).isEqualByComparingTo(expected);
      assertThat(ledgerNet(gaveUp)).isEqualByComparingTo("-10.00");
      assertThat(accountRow(jdbc, no).balance()).isEqualByComparingTo(yuan("50.00").add(expected));
      assertLedgerExplainsTheAccount(no);
      assertThat(payments.find(otn).orElseThrow().refundedAmount())
          .isEqualByComparingTo(yuan("10.00").subtract(expected));
    }
  }

  private void run(List<Callable<Object>> tasks) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Object>> results = new ArrayList<>();
    for (Callable<Object> task : tasks) {
      results.add(
          pool.submit(
              () -> {
                start.await();
                return task.call();
              }));
    }
    start.countDown();
    for (Future<Object> result : results) {
      result.get(30, TimeUnit.SECONDS);
    }
  }
}
