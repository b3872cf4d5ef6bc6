package io.gridbot.channel.wechat.pay;

import io.gridbot.dialog.store.LockStore;
import io.gridbot.dialog.store.LockTimeout;
import io.gridbot.dialog.store.StateUnavailable;
import io.gridbot.service.port.ChannelRefunds;
import io.gridbot.service.port.ChannelRefunds.PendingRefund;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Sends staff refunds of WeChat Pay orders to WeChat Pay: every minute (on one instance at a time,
 * under a lock of the shared lock store) each pending refund is requested with its {@code
 * out_refund_no}, which makes a repeat the same refund at WeChat Pay. Accepted ({@code SUCCESS},
 * {@code PROCESSING}) → sent; refused for good ({@code NOT_ENOUGH}, {@code INVALID_REQUEST} …) or
 * closed → failed, for staff; network trouble, {@code SYSTEM_ERROR} and the like → tried again next
 * run.
 */
class PayRefunds {

  private static final Logger log = LoggerFactory.getLogger(PayRefunds.class);
  static final String LOCK = "wechat-pay:refunds";
  static final int BATCH = 50;
  private static final Duration LEASE = Duration.ofMinutes(10);

  private final PayHost host;
  private final ChannelRefunds refunds;
  private final LockStore locks;

  PayRefunds(PayHost host, ChannelRefunds refunds, LockStore locks) {
    this.host = host;
    this.refunds = refunds;
    this.locks = locks;
  }

  @Scheduled(
      fixedDelayString = "${gridbot.wechat.pay.refund-every:PT1M}",
      initialDelayString = "PT30S")
  void scheduled() {
    try (LockStore.Lease lease = locks.acquire(LOCK, LEASE, Duration.ZERO)) {
      Result result = send();
      if (result.sent() + result.failed() + result.retried() > 0) {
        log.info("WeChat Pay refunds: {}", result);
      }
    } catch (LockTimeout e) {
      log.debug("WeChat Pay refunds are sent by another instance");
    } catch (StateUnavailable e) {
      log.warn("WeChat Pay refunds skipped: lock store unavailable: {}", e.getMessage());
    }
  }

  /** One pass over the pending refunds; the caller holds the lock. */
  Result send() {
    int sent = 0;
    int failed = 0;
    int retried = 0;
    for (PendingRefund refund : refunds.pending("wechat", BATCH)) {
      switch (send(refund)) {
        case SENT -> sent++;
        case FAILED -> failed++;
        case RETRY -> retried++;
      }
    }
    return new Result(sent, failed, retried);
  }

  private Outcome send(PendingRefund refund) {
    String no = refund.outRefundNo();
    PayHost.RefundAccepted answer;
    try {
      answer =
          host.refund(
              refund.outTradeNo(), no, refund.amountFen(), refund.orderTotalFen(), refund.reason());
    } catch (PayHost.PayHostFailed e) {
      if (e.refusedForGood()) {
        refunds.failed(no, e.getMessage());
        log.error(
            "STAFF: WeChat Pay refused refund {} of order {} ({} fen): {}",
            no,
            refund.outTradeNo(),
            refund.amountFen(),
            e.getMessage());
        return Outcome.FAILED;
      }
      refunds.retryLater(no, e.getMessage());
      log.warn(
          "WeChat Pay refund {} of order {} not sent (attempt {}), tried again later: {}",
          no,
          refund.outTradeNo(),
          refund.attempts() + 1,
          e.getMessage());
      return Outcome.RETRY;
    }
    if (!no.equals(answer.outRefundNo())) {
      refunds.retryLater(no, "WeChat Pay answered about refund " + answer.outRefundNo());
      log.warn("WeChat Pay answered refund {} about {}", no, answer.outRefundNo());
      return Outcome.RETRY;
    }
    if (!answer.accepted()) {
      String why = "WeChat Pay refund status " + answer.status();
      refunds.failed(no, why);
      log.error(
          "STAFF: WeChat Pay refund {} of order {} ({} fen) is {}: return it by hand",
          no,
          refund.outTradeNo(),
          refund.amountFen(),
          answer.status());
      return Outcome.FAILED;
    }
    refunds.sent(no, answer.refundId());
    log.info(
        "WeChat Pay refund {} of order {} ({} fen) {}: {}",
        no,
        refund.outTradeNo(),
        refund.amountFen(),
        answer.status(),
        answer.refundId());
    return Outcome.SENT;
  }

  private enum Outcome {
    SENT,
    FAILED,
    RETRY
  }

  /** What one pass did. */
  record Result(int sent, int failed, int retried) {}
}
