package io.gridbot.channel.alipay;

import io.gridbot.dialog.store.LockStore;
import io.gridbot.dialog.store.LockTimeout;
import io.gridbot.dialog.store.StateUnavailable;
import io.gridbot.service.port.ChannelRefunds;
import io.gridbot.service.port.ChannelRefunds.PendingRefund;
import io.gridbot.service.port.ChannelRefunds.SentRefund;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends staff refunds of Alipay orders to Alipay with {@code alipay.trade.refund}, {@code
 * out_request_no} being our {@code out_refund_no} so that a repeat is the same refund at Alipay,
 * and follows those whose money Alipay did not report moved. One instance at a time runs it (a lock
 * in the shared state store); the others skip that round.
 *
 * <p>Sending: code 10000 with {@code fund_change} Y → succeeded (the money went back; the payer is
 * told); 10000 otherwise ({@code N}, or no {@code fund_change}) → sent, to follow; a business
 * refusal (40004) → failed, for staff; network trouble and Alipay's system errors → tried again
 * after a wait. Following, {@code refund-follow-after} after the last news, with {@code
 * alipay.trade.fastpay.refund.query}: {@code REFUND_SUCCESS} → succeeded; any other answer → sent
 * again under the same request number, as Alipay asks; no answer → asked again later.
 */
@Component
class AlipayRefunds {

  static final String LOCK = "alipay:refunds";
  static final int BATCH = 50;
  private static final Duration LEASE = Duration.ofMinutes(10);
  private static final Logger log = LoggerFactory.getLogger(AlipayRefunds.class);

  private final ChannelRefunds refunds;
  private final AlipayApi api;
  private final LockStore locks;
  private final Duration followAfter;
  private final Clock clock;

  @Autowired
  AlipayRefunds(ChannelRefunds refunds, AlipayApi api, LockStore locks, AlipaySettings settings) {
    this(refunds, api, locks, settings, Clock.systemUTC());
  }

  AlipayRefunds(
      ChannelRefunds refunds,
      AlipayApi api,
      LockStore locks,
      AlipaySettings settings,
      Clock clock) {
    this.refunds = refunds;
    this.api = api;
    this.locks = locks;
    this.followAfter = settings.refundFollowAfter();
    this.clock = clock;
  }

  @Scheduled(
      fixedDelayString = "${gridbot.alipay.refund-interval:PT1M}",
      initialDelayString = "${gridbot.alipay.refund-initial-delay:PT30S}")
  void scheduled() {
    // one lease for both rounds: a single lock-store round trip per tick
    try (LockStore.Lease lease = locks.acquire(LOCK, LEASE, Duration.ZERO)) {
      sendDue();
      followSent();
    } catch (LockTimeout e) {
      log.debug("alipay refunds are sent and followed by another instance");
    } catch (StateUnavailable e) {
      log.warn("alipay refunds skipped: lock store unavailable: {}", e.getMessage());
    }
  }

  /** One round of sending; empty when another instance holds the lock. */
  Optional<Result> run() {
    try (LockStore.Lease lease = locks.acquire(LOCK, LEASE, Duration.ZERO)) {
      return Optional.of(sendDue());
    } catch (LockTimeout e) {
      log.debug("alipay refunds are sent by another instance");
      return Optional.empty();
    }
  }

  /** Sends the due refunds; the caller holds the lock. */
  private Result sendDue() {
    int sent = 0;
    int failed = 0;
    int retried = 0;
    for (PendingRefund refund : refunds.pending(AlipayOutbound.CHANNEL, BATCH)) {
      switch (send(refund)) {
        case SENT -> sent++;
        case REFUSED -> failed++;
        case RETRY -> retried++;
      }
    }
    Result result = new Result(sent, failed, retried);
    if (sent + failed + retried > 0) {
      log.info("alipay refunds: {}", result);
    }
    return result;
  }

  /** One round of following sent refunds; empty when another instance holds the lock. */
  Optional<FollowUp> followUp() {
    try (LockStore.Lease lease = locks.acquire(LOCK, LEASE, Duration.ZERO)) {
      return Optional.of(followSent());
    } catch (LockTimeout e) {
      log.debug("alipay refunds are followed by another instance");
      return Optional.empty();
    }
  }

  /** Follows the sent refunds without news; the caller holds the lock. */
  private FollowUp followSent() {
    int succeeded = 0;
    int resent = 0;
    int unknown = 0;
    for (SentRefund refund :
        refunds.awaiting(AlipayOutbound.CHANNEL, clock.instant().minus(followAfter), BATCH)) {
      String no = refund.outRefundNo();
      AlipayApi.RefundQueried answer = api.queryRefund(refund.outTradeNo(), no);
      switch (answer.outcome()) {
        case REFUNDED -> {
          refunds.succeeded(no, null, answer.refundedAt());
          succeeded++;
        }
        case NOT_REFUNDED -> {
          refunds.sendAgain(no, "alipay refund query: " + answer.reason());
          log.warn(
              "alipay did not carry out refund {} of order {} ({}): sent again",
              no,
              refund.outTradeNo(),
              answer.reason());
          resent++;
        }
        case UNKNOWN -> {
          refunds.processing(no);
          log.warn("alipay refund {} not followed, asked again later: {}", no, answer.reason());
          unknown++;
        }
      }
    }
    FollowUp result = new FollowUp(succeeded, resent, unknown);
    if (succeeded + resent + unknown > 0) {
      log.info("alipay refunds followed: {}", result);
    }
    return result;
  }

  private AlipayApi.Refunded.Outcome send(PendingRefund refund) {
    String no = refund.outRefundNo();
    AlipayApi.Refunded answer =
        api.refund(refund.outTradeNo(), no, refund.amount(), refund.reason());
    switch (answer.outcome()) {
      case SENT -> {
        refunds.sent(no, answer.tradeNo());
        log.info(
            "alipay refund {} of order {} ({} yuan) accepted, trade {}, fund_change {}",
            no,
            refund.outTradeNo(),
            refund.amount(),
            answer.tradeNo(),
            answer.fundChange());
        if (answer.moved()) {
          refunds.succeeded(no, answer.tradeNo(), answer.refundedAt());
        }
      }
      case REFUSED -> {
        refunds.failed(no, answer.reason());
        log.error(
            "STAFF: alipay refused refund {} of order {} ({} yuan): {}",
            no,
            refund.outTradeNo(),
            refund.amount(),
            answer.reason());
      }
      case RETRY -> {
        refunds.retryLater(no, answer.reason());
        log.warn(
            "alipay refund {} of order {} not sent (attempt {}), tried again later: {}",
            no,
            refund.outTradeNo(),
            refund.attempts() + 1,
            answer.reason());
      }
    }
    return answer.outcome();
  }

  /** What one round of sending did. */
  record Result(int sent, int failed, int retried) {}

  /** What one round of following did. */
  record FollowUp(int succeeded, int resent, int unknown) {}
}
