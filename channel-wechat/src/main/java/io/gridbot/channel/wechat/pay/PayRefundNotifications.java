package io.gridbot.channel.wechat.pay;

import io.gridbot.service.port.ChannelRefunds;
import io.gridbot.service.port.ChannelRefunds.Recorded;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts WeChat Pay's refund notifications ({@code REFUND.SUCCESS}, {@code REFUND.ABNORMAL},
 * {@code REFUND.CLOSED}) with the checks of payment notifications: the signature headers present
 * and fresh, the signature verified with the platform key, the resource decrypted with the API v3
 * key, the merchant ours. Then the refund's end is recorded: {@code SUCCESS} → succeeded (the payer
 * is told once), {@code ABNORMAL}/{@code CLOSED} → abnormal, for staff. A repeat records nothing
 * more.
 */
class PayRefundNotifications {

  private static final Logger log = LoggerFactory.getLogger(PayRefundNotifications.class);

  private final WeChatPaySettings settings;
  private final PayHost host;
  private final ChannelRefunds refunds;
  private final Clock clock;

  PayRefundNotifications(
      WeChatPaySettings settings, PayHost host, ChannelRefunds refunds, Clock clock) {
    this.settings = settings;
    this.host = host;
    this.refunds = refunds;
    this.clock = clock;
  }

  /**
   * Verifies the notification and records the refund's end; returns once that is committed.
   *
   * @return what became of it: {@link Recorded#REFUSED} when the refund's state does not allow it
   *     (nothing to do, logged)
   * @throws NotifyRefused when the notification is refused (nothing recorded): bad or missing
   *     signature (401), not this merchant's, an unknown status or not readable (400), an unknown
   *     refund (404)
   * @throws RuntimeException when the database failed (nothing recorded; WeChat Pay retries)
   */
  Recorded accept(String body, String timestamp, String nonce, String signature, String serial) {
    NotifyHeaders.check(timestamp, nonce, signature, serial, clock, settings.maxClockSkew());
    PayHost.RefundNotice notice =
        host.verifyRefundNotify(body, timestamp, nonce, signature, serial);
    PayHost.RefundStatus refund = notice.refund();
    String no = refund.outRefundNo();
    if (!settings.mchId().equals(notice.mchId())) {
      log.warn("WeChat Pay refund notify for {} refused: mchid not ours", no);
      throw new NotifyRefused(400, "mchid is not this merchant's");
    }
    Recorded recorded;
    if (refund.succeeded()) {
      recorded = refunds.succeeded(no, refund.refundId(), refund.successAt());
    } else if (refund.endedAbnormally()) {
      recorded =
          refunds.abnormal(no, refund.refundId(), "WeChat Pay refund status " + refund.status());
    } else {
      log.warn("WeChat Pay refund notify for {} refused: status {}", no, refund.status());
      throw new NotifyRefused(400, "refund_status is not SUCCESS, ABNORMAL or CLOSED");
    }
    switch (recorded) {
      case UNKNOWN -> {
        log.error(
            "WeChat Pay refund notify for unknown refund {} (order {}, {}): staff check",
            no,
            notice.outTradeNo(),
            refund.status());
        throw new NotifyRefused(404, "no such refund");
      }
      case REFUSED ->
          log.warn(
              "WeChat Pay refund notify for {}: {} not recorded, the refund is past it",
              no,
              refund.status());
      case ALREADY -> log.info("WeChat Pay refund notify for {} again: {}", no, refund.status());
      case CHANGED -> log.info("WeChat Pay refund {} {} (notified)", no, refund.status());
    }
    return recorded;
  }
}
