package io.gridbot.service.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.notification.Notice;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PaymentNoticesTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final OutTradeNo NO = new OutTradeNo("P2026112712000012345678");
  private static final AccountNo ACCOUNT = new AccountNo("3300000002");

  private static PaymentOrder paidOrder() {
    return new PaymentOrder(
        NO,
        ACCOUNT,
        new BigDecimal("50.00"),
        PaymentChannel.WECHAT,
        new ChannelUser("wechat", "oUser"),
        PaymentState.PAID,
        "4200001",
        new BigDecimal("0.00"),
        Instant.parse("2026-11-27T02:00:00Z"),
        Instant.parse("2026-11-27T02:05:00Z"),
        null,
        null);
  }

  private static LedgerEntry entry(String balanceAfter, String arrearsAfter) {
    return new LedgerEntry(
        1,
        ACCOUNT,
        EntryType.PAYMENT,
        new BigDecimal("50.00"),
        new BigDecimal("0.00"),
        new BigDecimal("-50.00"),
        new BigDecimal(balanceAfter),
        new BigDecimal(arrearsAfter),
        NO.value(),
        Instant.parse("2026-11-27T02:05:00Z"),
        null);
  }

  @Test
  void payment_notice_is_keyed_by_order_masks_the_account_and_mentions_what_is_still_owed() {
    Notice notice = PaymentNotices.paid(paidOrder(), entry("0.00", "36.40"), SHANGHAI);

    assertThat(notice.kind()).isEqualTo("payment");
    assertThat(notice.key()).isEqualTo("payment:" + NO);
    assertThat(notice.title()).isEqualTo("缴费成功");
    assertThat(notice.text())
        .startsWith("尊敬的客户，您好！")
        .contains("3300****02", "2026年11月27日 10:05", "微信支付", "50.00元", "尚欠电费36.40元")
        .doesNotContain("3300000002")
        .endsWith("感谢您的支持！");
    assertThat(notice.urgent()).isFalse();
  }

  @Test
  void payment_notice_mentions_the_balance_when_nothing_is_owed() {
    Notice notice = PaymentNotices.paid(paidOrder(), entry("13.60", "0.00"), SHANGHAI);

    assertThat(notice.text()).contains("当前账户余额13.60元").doesNotContain("尚欠");
  }

  @Test
  void refund_notice_has_its_own_key() {
    Refund refund =
        new Refund(
            "R2026112712000087654321",
            NO,
            new BigDecimal("20.00"),
            "重复缴费",
            "staff-01",
            Instant.parse("2026-11-28T01:00:00Z"));

    Notice notice = PaymentNotices.refunded(paidOrder(), refund, SHANGHAI);

    assertThat(notice.key()).isEqualTo("payment:" + NO + ":refund:R2026112712000087654321");
    assertThat(notice.title()).isEqualTo("退款通知");
    assertThat(notice.text()).contains("已退款20.00元", "3300****02", "请您注意查收");
  }

  @Test
  void refund_arrived_notice_has_its_own_key_and_says_when_and_where_the_money_went() {
    RefundDispatch refund =
        new RefundDispatch(
            "R2026112712000087654321",
            NO.value(),
            PaymentChannel.WECHAT,
            new BigDecimal("20.00"),
            new BigDecimal("50.00"),
            "重复缴费",
            "staff-01",
            RefundDispatchState.SENT,
            0,
            null,
            null,
            "50300000001",
            Instant.parse("2026-11-28T01:00:00Z"),
            Instant.parse("2026-11-28T01:00:10Z"),
            Instant.parse("2026-11-28T01:00:10Z"),
            null,
            Instant.parse("2026-11-28T01:00:00Z"),
            Instant.parse("2026-11-28T01:00:10Z"),
            0,
            0);

    Notice notice =
        PaymentNotices.refundArrived(
            paidOrder(), refund, Instant.parse("2026-11-28T01:30:00Z"), SHANGHAI);

    assertThat(notice.kind()).isEqualTo("payment");
    assertThat(notice.key()).isEqualTo("payment:" + NO + ":refund:R2026112712000087654321:arrived");
    assertThat(notice.title()).isEqualTo("退款到账通知");
    assertThat(notice.text())
        .contains("3300****02", "20.00元", "2026年11月28日 09:30", "微信支付原支付账户")
        .doesNotContain("3300000002");
    assertThat(notice.data()).containsEntry("outRefundNo", "R2026112712000087654321");
  }

  @Test
  void refund_put_back_notice_says_the_money_did_not_arrive_and_is_on_the_account_again() {
    RefundDispatch refund =
        new RefundDispatch(
            "R2026112712000087654321",
            NO.value(),
            PaymentChannel.WECHAT,
            new BigDecimal("20.00"),
            new BigDecimal("50.00"),
            "重复缴费",
            "staff-01",
            RefundDispatchState.FAILED,
            3,
            "NOT_ENOUGH",
            RefundFailure.REFUSED,
            null,
            Instant.parse("2026-11-28T01:00:00Z"),
            Instant.parse("2026-11-28T01:00:10Z"),
            Instant.parse("2026-11-28T01:00:10Z"),
            null,
            Instant.parse("2026-11-28T01:00:00Z"),
            Instant.parse("2026-11-28T01:00:10Z"),
            0,
            0);

    Notice notice = PaymentNotices.refundPutBack(paidOrder(), refund, 2);

    assertThat(notice.kind()).isEqualTo("payment");
    assertThat(notice.key()).isEqualTo("payment:" + NO + ":refund:R2026112712000087654321:back:2");
    assertThat(notice.title()).isEqualTo("退款未能到账通知");
    assertThat(notice.text())
        .contains("3300****02", "20.00元", "未能退回", "微信支付原支付账户", "存回您的电费账户")
        .doesNotContain("3300000002");
  }
}
