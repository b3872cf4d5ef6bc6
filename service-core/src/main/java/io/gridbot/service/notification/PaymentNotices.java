package io.gridbot.service.notification;

import io.gridbot.service.payment.PaymentConfirmed;
import java.math.RoundingMode;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells customers that their payment arrived: the users bound to the account who did not opt out of
 * {@code payment}, and the payer (who may have paid for someone else's account). The notice key is
 * per payment order, so everyone gets it once even if they are both. The event comes inside the
 * confirming transaction; the publisher enqueues after its commit.
 */
@Component
class PaymentNotices {

  private static final Logger log = LoggerFactory.getLogger(PaymentNotices.class);

  private final NotificationPublisher publisher;

  PaymentNotices(NotificationPublisher publisher) {
    this.publisher = publisher;
  }

  /** Never throws: a notice that cannot be published must not roll the payment back. */
  @EventListener
  void on(PaymentConfirmed payment) {
    try {
      Notice notice = notice(payment);
      publisher.toAccount(payment.accountNo(), notice);
      if (payment.payer() != null) {
        publisher.toUser(payment.payer(), notice);
      }
    } catch (RuntimeException e) {
      log.error(
          "payment {} of account {}: no payment notice published",
          payment.outTradeNo(),
          payment.accountNo().masked(),
          e);
    }
  }

  static Notice notice(PaymentConfirmed payment) {
    String amount = payment.amount().setScale(2, RoundingMode.HALF_UP).toPlainString();
    String account = payment.accountNo().masked();
    return new Notice(
        "payment",
        "payment:" + payment.outTradeNo(),
        "缴费成功通知",
        "您好，户号" + account + "已成功缴纳电费" + amount + "元，感谢您的支持！",
        false,
        Map.of("accountNo", account, "amount", amount, "outTradeNo", payment.outTradeNo()));
  }
}
