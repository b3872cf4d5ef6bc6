package io.gridbot.service.payment;

import io.gridbot.service.notification.Notice;
import io.gridbot.service.notification.NotificationPublisher;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** The customer-facing texts of the payment area, in polite Chinese. */
final class PaymentNotices {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

  private PaymentNotices() {}

  static Notice paid(PaymentOrder order, LedgerEntry entry, ZoneId zone) {
    String account = order.accountNo().masked();
    String amount = Amounts.yuan(order.amount());
    StringBuilder text =
        new StringBuilder("尊敬的客户，您好！您的户号")
            .append(account)
            .append("已于")
            .append(TIME.format(order.paidAt().atZone(zone)))
            .append("通过")
            .append(order.channel().displayName())
            .append("成功缴纳电费")
            .append(amount)
            .append("元。");
    if (entry.arrearsAfter().signum() > 0) {
      text.append("目前尚欠电费").append(Amounts.yuan(entry.arrearsAfter())).append("元，请您方便时及时缴清。");
    } else if (entry.balanceAfter().signum() > 0) {
      text.append("当前账户余额").append(Amounts.yuan(entry.balanceAfter())).append("元。");
    }
    text.append("感谢您的支持！");
    return new Notice(
        "payment",
        "payment:" + order.outTradeNo(),
        "缴费成功",
        text.toString(),
        false,
        Map.of(
            "account",
            account,
            "amount",
            amount,
            "outTradeNo",
            order.outTradeNo().value(),
            "paidAt",
            order.paidAt().toString()));
  }

  static Notice refunded(PaymentOrder order, Refund refund, ZoneId zone) {
    String amount = Amounts.yuan(refund.amount());
    String text =
        "尊敬的客户，您好！您于"
            + TIME.format(order.paidAt().atZone(zone))
            + "为户号"
            + order.accountNo().masked()
            + "缴纳的电费（订单号"
            + order.outTradeNo()
            + "）已退款"
            + amount
            + "元，款项将按原支付方式退回，请您注意查收。如有疑问，欢迎拨打95598咨询。";
    return new Notice(
        "payment",
        "payment:" + order.outTradeNo() + ":refund:" + refund.outRefundNo(),
        "退款通知",
        text,
        false,
        Map.of(
            "account", order.accountNo().masked(),
            "amount", amount,
            "outTradeNo", order.outTradeNo().value(),
            "outRefundNo", refund.outRefundNo()));
  }

  /** The refund reached the payer: the platform paid it back to where the order was paid from. */
  static Notice refundArrived(
      PaymentOrder order, RefundDispatch refund, Instant arrivedAt, ZoneId zone) {
    String amount = Amounts.yuan(refund.amount());
    String text =
        "尊敬的客户，您好！您为户号"
            + order.accountNo().masked()
            + "缴纳电费的退款"
            + amount
            + "元（订单号"
            + order.outTradeNo()
            + "）已于"
            + TIME.format(arrivedAt.atZone(zone))
            + "退回您的"
            + order.channel().displayName()
            + "原支付账户，请您注意查收。如有疑问，欢迎拨打95598咨询。";
    return new Notice(
        "payment",
        "payment:" + order.outTradeNo() + ":refund:" + refund.outRefundNo() + ":arrived",
        "退款到账通知",
        text,
        false,
        Map.of(
            "account", order.accountNo().masked(),
            "amount", amount,
            "outTradeNo", order.outTradeNo().value(),
            "outRefundNo", refund.outRefundNo(),
            "refundedAt", arrivedAt.toString()));
  }

  /**
   * The platform did not pay the refund back (refused, given up, or ended abnormally): the money is
   * on the electricity account again.
   *
   * @param reversal which putting back of this refund it is (1 for the first), for the notice key
   */
  static Notice refundPutBack(PaymentOrder order, RefundDispatch refund, int reversal) {
    String amount = Amounts.yuan(refund.amount());
    String text =
        "尊敬的客户，您好！您为户号"
            + order.accountNo().masked()
            + "缴纳电费的退款"
            + amount
            + "元（订单号"
            + order.outTradeNo()
            + "）未能退回您的"
            + order.channel().displayName()
            + "原支付账户，这笔钱已存回您的电费账户：有欠费的先抵欠费，其余留作预存电费。"
            + "如仍需退款或有疑问，欢迎拨打95598咨询。";
    return new Notice(
        "payment",
        "payment:" + order.outTradeNo() + ":refund:" + refund.outRefundNo() + ":back:" + reversal,
        "退款未能到账通知",
        text,
        false,
        Map.of(
            "account", order.accountNo().masked(),
            "amount", amount,
            "outTradeNo", order.outTradeNo().value(),
            "outRefundNo", refund.outRefundNo()));
  }

  /** Tells the order's payer, or the account's subscribers when the order has no payer. */
  static void tell(NotificationPublisher notifications, PaymentOrder order, Notice notice) {
    if (order.payer() != null) {
      notifications.toUser(order.payer(), notice);
    } else {
      notifications.toAccount(order.accountNo(), notice);
    }
  }
}
