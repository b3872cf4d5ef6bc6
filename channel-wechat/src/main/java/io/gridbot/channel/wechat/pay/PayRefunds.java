package io.gridbot.channel.wechat.pay;

import io.gridbot.dialog.store.LockStore;
import io.gridbot.dialog.store.LockTimeout;
import io.gridbot.dialog.store.StateUnavailable;
import io.gridbot.service.port.ChannelRefunds;
import io.gridbot.service.port.ChannelRefunds.PendingRefund;
import io.gridbot.service.port.ChannelRefunds.SentRefund;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Sends staff refunds of WeChat Pay orders to WeChat Pay and follows them to their end: every
 * minute (on one instance at a time, under a lock of the shared lock store) each due pending refund
 * is requested with its {@code out_refund_no}, which makes a repeat the same refund at WeChat Pay,
 * then each sent refund without news for {@code refund-follow-after} is queried.
 *
 * <p>Sending: {@code PROCESSING} → sent; {@code SUCCESS} → sent and succeeded; {@code
 * ABNORMAL}/{@code CLOSED} → sent and abnormal, for staff; refused for good ({@code NOT_ENOUGH},
 * {@code INVALID_REQUEST} …) → failed, for staff; network trouble, {@code SYSTEM_ERROR} and the
 * like → tried again after a wait. Following: {@code SUCCESS} → succeeded, {@code ABNORMAL}/{@code
 * CLOSED} → abnormal, {@code PROCESSING} → asked again later, an unknown refund → sent again, an
 * error → asked again later.
 */
class PayRefunds {

  private static final Logger log = LoggerFactory.getLogger(PayRefunds.class);
  static final String LOCK = "wechat-pay:refunds";
  static final int BATCH = 50;
  private static final Duration LEASE = Duration.ofMinutes(10);

  private final WeChatPaySettings settings;
  private final PayHost host;
  private final ChannelRefunds refunds;
  private final LockStore locks;
  private final Clock clock;

  PayRefunds(
      WeChatPaySettings settings,
      PayHost host,
      ChannelRefunds refunds,
      LockStore locks,
      Clock clock) {
    this.settings = settings;
    this.host = host;
    this.refunds = refunds;
    this.locks = locks;
    this.clock = clock;
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
      FollowUp followUp = followUp();
      if (followUp.asked() > 0) {
        log.info("WeChat Pay refunds followed: {}", followUp);
      }
    } catch (LockTimeout e) {
      log.debug("WeChat Pay refunds are sent by another instance");
    } catch (StateUnavailable e) {
      log.warn("WeChat Pay refunds skipped: lock store unavailable: {}", e.getMessage());
    }
  }

  /** One pass over the due pending refunds; the caller holds the lock. */
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

  /** One pass over the sent refunds without news; the caller holds the lock. */
  FollowUp followUp() {
    int succeeded = 0;
    int abnormal = 0;
    int processing = 0;
    int resent = 0;
    int errors = 0;
    for (SentRefund refund :
        refunds.awaiting("wechat", clock.instant().minus(settings.refundFollowAfter()), BATCH)) {
      String no = refund.outRefundNo();
      PayHost.RefundStatus status;
      try {
        status = host.queryRefund(no);
      } catch (PayHost.PayHostFailed e) {
        if (e.refundNotFound()) {
          refunds.sendAgain(no, "WeChat Pay knows no refund " + no);
          log.warn(
              "WeChat Pay knows no refund {} of order {}: sent again", no, refund.outTradeNo());
          resent++;
        } else {
          refunds.processing(no);
          log.warn("WeChat Pay refund {} not followed, asked again later: {}", no, e.getMessage());
          errors++;
        }
        continue;
      }
      if (status.succeeded()) {
        refunds.succeeded(no, status.refundId(), status.successAt());
        succeeded++;
      } else if (status.endedAbnormally()) {
        refunds.abnormal(no, status.refundId(), "WeChat Pay refund status " + status.status());
        abnormal++;
      } else {
        refunds.processing(no);
        processing++;
      }
    }
    return new FollowUp(succeeded, abnormal, processing, resent, errors);
  }

  private Outcome send(PendingRefund refund) {
    String no = refund.outRefundNo();
    PayHost.RefundStatus answer;
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
    refunds.sent(no, answer.refundId());
    log.info(
        "WeChat Pay refund {} of order {} ({} fen) {}: {}",
        no,
        refund.outTradeNo(),
        refund.amountFen(),
        answer.status(),
        answer.refundId());
    if (answer.succeeded()) {
      refunds.succeeded(no, answer.refundId(), answer.successAt());
    } else if (answer.endedAbnormally()) {
      // logged for staff by the outbox
      refunds.abnormal(no, answer.refundId(), "WeChat Pay refund status " + answer.status());
      return Outcome.FAILED;
    }
    return Outcome.SENT;
  }

  private enum Outcome {
    SENT,
    FAILED,
    RETRY
  }

  /** What one pass of sending did. */
  record Result(int sent, int failed, int retried) {}

  /** What one pass of following did. */
  record FollowUp(int succeeded, int abnormal, int processing, int resent, int errors) {

    int asked() {
      return succeeded + abnormal + processing + resent + errors;
    }
  }
}
