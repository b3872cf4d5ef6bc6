package io.gridbot.channel.wechat.pay;

import io.gridbot.service.port.ChannelPayments;
import io.gridbot.service.port.ChannelPayments.ChannelOrder;
import io.gridbot.service.port.ChannelPayments.PaymentRefused;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts WeChat Pay's payment notifications: the signature headers must be present and fresh, the
 * signature must verify, the decrypted transaction must be this merchant's and this account's, paid
 * ({@code SUCCESS}) and for exactly the order's amount; then the payment is confirmed in the
 * ledger, which credits it once however often WeChat Pay delivers the notification.
 */
class PayNotifications {

  private static final Logger log = LoggerFactory.getLogger(PayNotifications.class);

  private final WeChatPaySettings settings;
  private final PayHost host;
  private final ChannelPayments payments;
  private final Clock clock;

  PayNotifications(
      WeChatPaySettings settings, PayHost host, ChannelPayments payments, Clock clock) {
    this.settings = settings;
    this.host = host;
    this.payments = payments;
    this.clock = clock;
  }

  /**
   * Verifies the notification and confirms its payment; returns once the confirmation is committed.
   *
   * @throws NotifyRefused when the notification is refused (nothing confirmed)
   * @throws RuntimeException when the ledger failed (nothing confirmed; WeChat Pay retries)
   */
  ChannelOrder accept(
      String body, String timestamp, String nonce, String signature, String serial) {
    NotifyHeaders.check(timestamp, nonce, signature, serial, clock, settings.maxClockSkew());
    PayHost.Trade trade = host.verifyNotify(body, timestamp, nonce, signature, serial);
    String no = trade.outTradeNo();
    if (!settings.mchId().equals(trade.mchId()) || !settings.appId().equals(trade.appId())) {
      log.warn("WeChat Pay notify for order {} refused: mchid/appid not ours", no);
      throw new NotifyRefused(400, "mchid or appid is not this merchant's");
    }
    if (!trade.paid()) {
      log.warn("WeChat Pay notify for order {} refused: trade_state {}", no, trade.tradeState());
      throw new NotifyRefused(400, "trade_state is not SUCCESS");
    }
    if (NotifyHeaders.blank(trade.transactionId()) || trade.totalFen() == null) {
      throw new NotifyRefused(400, "transaction_id or amount missing");
    }
    ChannelOrder order =
        payments.order(no).orElseThrow(() -> new NotifyRefused(404, "no such order"));
    if (!"wechat".equals(order.channel())) {
      log.error("WeChat Pay notify for order {} of channel {}: staff check", no, order.channel());
      throw new NotifyRefused(400, "not a WeChat Pay order");
    }
    if (trade.totalFen() != order.amountFen()
        || (trade.payerTotalFen() != null && trade.payerTotalFen() > trade.totalFen())) {
      log.error(
          "WeChat Pay notify for order {} (transaction {}): paid {} fen, order is {} fen; not"
              + " confirmed, staff check",
          no,
          trade.transactionId(),
          trade.totalFen(),
          order.amountFen());
      throw new NotifyRefused(400, "amount differs from the order's");
    }
    Instant paidAt = trade.paidAt() == null ? clock.instant() : trade.paidAt();
    try {
      ChannelOrder confirmed =
          payments.confirm(
              no, BigDecimal.valueOf(trade.totalFen(), 2), trade.transactionId(), paidAt);
      log.info("WeChat Pay order {} confirmed (transaction {})", no, trade.transactionId());
      return confirmed;
    } catch (PaymentRefused e) {
      log.error(
          "WeChat Pay order {} (transaction {}) not confirmed: {} {}; staff check",
          no,
          trade.transactionId(),
          e.reason(),
          e.getMessage());
      throw new NotifyRefused(
          switch (e.reason()) {
            case NOT_FOUND -> 404;
            case TRANSACTION_MISMATCH, ALREADY_PAID -> 409;
            case AMOUNT_MISMATCH -> 400;
          },
          "payment refused by the ledger: " + e.reason());
    }
  }
}
