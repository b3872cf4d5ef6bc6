package io.gridbot.service.payment;

import static io.gridbot.service.TestData.anAccount;
import static io.gridbot.service.TestData.newWechatUser;
import static io.gridbot.service.payment.PaymentAssertions.yuan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.port.ChannelRefunds;
import io.gridbot.service.port.ChannelRefunds.PendingRefund;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox of refunds to send to WeChat Pay and Alipay, and the channels' port over it. */
@SpringBootTest
@ActiveProfiles("it")
@Import(PaymentTestConfiguration.class)
class ChannelRefundsIT {

  @Autowired PaymentService payments;
  @Autowired ChannelRefunds refunds;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transactions;

  private OutTradeNo paid(PaymentChannel channel, String amount) {
    AccountNo no = anAccount().prepaid("0").insert(jdbc).accountNo();
    OutTradeNo otn = payments.createOrder(no, yuan(amount), channel, newWechatUser()).outTradeNo();
    payments.confirm(otn, yuan(amount), "T" + otn.value(), java.time.Instant.now());
    return otn;
  }

  private List<Map<String, Object>> dispatchRows(OutTradeNo otn) {
    return jdbc.queryForList(
        "SELECT out_refund_no, channel, amount, order_total, state, attempts, last_error,"
            + " platform_refund_id FROM refund_dispatch WHERE out_trade_no = ?",
        otn.value());
  }

  private PendingRefund pendingOf(String channel, String outRefundNo) {
    return refunds.pending(channel, 1000).stream()
        .filter(p -> p.outRefundNo().equals(outRefundNo))
        .findFirst()
        .orElse(null);
  }

  @Test
  void aRefundOfAWeChatOrderQueuesOnePendingDispatch() {
    // given
    OutTradeNo otn = paid(PaymentChannel.WECHAT, "88.80");

    // when
    Refund refund = payments.refund(otn, yuan("30.00"), "多缴退费", "staff-1");

    // then
    List<Map<String, Object>> rows = dispatchRows(otn);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get("out_refund_no")).isEqualTo(refund.outRefundNo());
    assertThat(rows.get(0).get("channel")).isEqualTo("WECHAT");
    assertThat(rows.get(0).get("state")).isEqualTo("PENDING");
    assertThat(rows.get(0).get("amount")).isEqualTo(yuan("30.00"));
    assertThat(rows.get(0).get("order_total")).isEqualTo(yuan("88.80"));
    PendingRefund pending = pendingOf("wechat", refund.outRefundNo());
    assertThat(pending.outTradeNo()).isEqualTo(otn.value());
    assertThat(pending.amountFen()).isEqualTo(3000L);
    assertThat(pending.orderTotalFen()).isEqualTo(8880L);
    assertThat(pending.reason()).isEqualTo("多缴退费");
    assertThat(pendingOf("alipay", refund.outRefundNo())).isNull();
  }

  @Test
  void theDispatchIsWrittenInTheRefundsTransaction() {
    // given
    OutTradeNo otn = paid(PaymentChannel.ALIPAY, "20.00");

    // when the transaction that refunds rolls back
    transactions.executeWithoutResult(
        status -> {
          payments.refund(otn, yuan("20.00"), "退费", "staff-1");
          assertThat(dispatchRows(otn)).hasSize(1);
          status.setRollbackOnly();
        });

    // then neither the refund nor its dispatch remain
    assertThat(dispatchRows(otn)).isEmpty();
    assertThat(payments.refunds(otn)).isEmpty();
  }

  @Test
  void refundsOfWebAndCounterOrdersGoToNoPlatform() {
    OutTradeNo web = paid(PaymentChannel.WEB, "10.00");
    OutTradeNo counter = paid(PaymentChannel.COUNTER, "10.00");

    payments.refund(web, yuan("10.00"), "退费", "staff-1");
    payments.refund(counter, yuan("5.00"), "退费", "staff-1");

    assertThat(dispatchRows(web)).isEmpty();
    assertThat(dispatchRows(counter)).isEmpty();
    assertThatThrownBy(() -> refunds.pending("web", 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> refunds.pending("wechat", 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aRetriedRefundWaitsPendingUntilSentAndThenLeavesTheQueue() {
    // given
    OutTradeNo otn = paid(PaymentChannel.WECHAT, "50.00");
    String no = payments.refund(otn, yuan("50.00"), "退费", "staff-1").outRefundNo();

    // when
    assertThat(refunds.retryLater(no, "connect timed out")).isTrue();

    // then it waits before it is listed again (RefundDispatchIT follows the times)
    assertThat(pendingOf("wechat", no)).isNull();
    assertThat(dispatchRows(otn).get(0))
        .containsEntry("state", "PENDING")
        .containsEntry("attempts", 1)
        .containsEntry("last_error", "connect timed out");

    // when
    assertThat(refunds.sent(no, "50300000001")).isTrue();

    // then
    assertThat(pendingOf("wechat", no)).isNull();
    assertThat(dispatchRows(otn).get(0))
        .containsEntry("state", "SENT")
        .containsEntry("platform_refund_id", "50300000001");
    assertThat(refunds.sent(no, null)).as("recording it again changes nothing").isTrue();
    assertThat(dispatchRows(otn).get(0)).containsEntry("platform_refund_id", "50300000001");
    assertThat(refunds.failed(no, "NOT_ENOUGH")).as("a sent refund cannot fail").isFalse();
    assertThat(refunds.retryLater(no, "x")).isFalse();
    assertThat(refunds.sent("R0000000000000000000000", "x")).isFalse();
  }

  @Test
  void aRefusedRefundIsFailedWithItsReasonAndNeverSent() {
    OutTradeNo otn = paid(PaymentChannel.ALIPAY, "50.00");
    String no = payments.refund(otn, yuan("10.00"), "退费", "staff-1").outRefundNo();

    assertThat(refunds.failed(no, "ACQ.TRADE_HAS_FINISHED 交易已完结")).isTrue();

    assertThat(pendingOf("alipay", no)).isNull();
    assertThat(dispatchRows(otn).get(0))
        .containsEntry("state", "FAILED")
        .containsEntry("last_error", "ACQ.TRADE_HAS_FINISHED 交易已完结");
    assertThat(refunds.sent(no, "x")).isFalse();
    assertThat(dispatchRows(otn).get(0)).containsEntry("state", "FAILED");
  }
}
