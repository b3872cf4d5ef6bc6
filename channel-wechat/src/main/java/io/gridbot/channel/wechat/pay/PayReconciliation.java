package io.gridbot.channel.wechat.pay;

import io.gridbot.dialog.store.LockStore;
import io.gridbot.dialog.store.LockTimeout;
import io.gridbot.dialog.store.StateUnavailable;
import io.gridbot.service.port.ChannelPayments;
import io.gridbot.service.port.ChannelPayments.ChannelOrder;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Settles WeChat Pay orders whose notification never came: every few minutes (on one instance at a
 * time, under a lock of the shared lock store) it asks WeChat Pay about the orders still unpaid
 * after {@code unpaid-after}. Paid ones are confirmed; ones never paid and past {@code
 * expire-after} are closed at WeChat Pay and in the ledger. A failure is logged and the order is
 * left for the next run.
 */
class PayReconciliation {

  private static final Logger log = LoggerFactory.getLogger(PayReconciliation.class);
  static final String LOCK = "wechat-pay:reconcile";
  static final int BATCH = 100;
  private static final Duration LEASE = Duration.ofMinutes(10);

  private final WeChatPaySettings settings;
  private final PayHost host;
  private final ChannelPayments payments;
  private final LockStore locks;
  private final Clock clock;

  PayReconciliation(
      WeChatPaySettings settings,
      PayHost host,
      ChannelPayments payments,
      LockStore locks,
      Clock clock) {
    this.settings = settings;
    this.host = host;
    this.payments = payments;
    this.locks = locks;
    this.clock = clock;
  }

  @Scheduled(
      fixedDelayString = "${gridbot.wechat.pay.reconcile-every:PT3M}",
      initialDelayString = "PT1M")
  void scheduled() {
    try (LockStore.Lease lease = locks.acquire(LOCK, LEASE, Duration.ZERO)) {
      Result result = reconcile();
      if (result.confirmed() + result.closed() + result.failed() > 0) {
        log.info("WeChat Pay reconciliation: {}", result);
      }
    } catch (LockTimeout e) {
      log.debug("WeChat Pay reconciliation runs on another instance");
    } catch (StateUnavailable e) {
      log.warn("WeChat Pay reconciliation skipped: lock store unavailable: {}", e.getMessage());
    }
  }

  /** One pass over the unpaid orders; the caller holds the lock. */
  Result reconcile() {
    Instant now = clock.instant();
    int confirmed = 0;
    int closed = 0;
    int failed = 0;
    for (ChannelOrder order : payments.unpaid("wechat", now.minus(settings.unpaidAfter()), BATCH)) {
      try {
        switch (settle(order, now)) {
          case CONFIRMED -> confirmed++;
          case CLOSED -> closed++;
          case LEFT -> {}
        }
      } catch (RuntimeException e) {
        failed++;
        log.warn(
            "WeChat Pay reconciliation of order {} failed, retried next run: {}",
            order.outTradeNo(),
            e.getMessage());
      }
    }
    return new Result(confirmed, closed, failed);
  }

  private Outcome settle(ChannelOrder order, Instant now) {
    String no = order.outTradeNo();
    boolean expired = !now.isBefore(order.createdAt().plus(settings.expireAfter()));
    PayHost.Trade trade;
    try {
      trade = host.query(no);
    } catch (PayHost.PayHostFailed e) {
      if (e.orderNotFound() && expired) {
        // the page was never opened: no prepay order exists and none can be made any more
        payments.close(no);
        log.info("WeChat Pay order {} closed: never prepaid, expired", no);
        return Outcome.CLOSED;
      }
      throw e;
    }
    if (!settings.mchId().equals(trade.mchId()) || !no.equals(trade.outTradeNo())) {
      throw new IllegalStateException("WeChat Pay answered about another merchant or order");
    }
    switch (trade.tradeState() == null ? "" : trade.tradeState()) {
      case "SUCCESS" -> {
        if (trade.totalFen() == null || trade.totalFen() != order.amountFen()) {
          log.error(
              "WeChat Pay order {} paid {} fen, order is {} fen; not confirmed, staff check",
              no,
              trade.totalFen(),
              order.amountFen());
          return Outcome.LEFT;
        }
        payments.confirm(
            no,
            BigDecimal.valueOf(trade.totalFen(), 2),
            trade.transactionId(),
            trade.paidAt() == null ? now : trade.paidAt());
        log.info("WeChat Pay order {} confirmed by reconciliation ({})", no, trade.transactionId());
        return Outcome.CONFIRMED;
      }
      case "NOTPAY", "PAYERROR" -> {
        if (!expired) {
          return Outcome.LEFT;
        }
        closeAtWeChat(no);
        payments.close(no);
        log.info("WeChat Pay order {} closed: unpaid past {}", no, settings.expireAfter());
        return Outcome.CLOSED;
      }
      case "CLOSED", "REVOKED" -> {
        if (!expired) {
          return Outcome.LEFT;
        }
        payments.close(no);
        log.info("WeChat Pay order {} closed: {} at WeChat Pay", no, trade.tradeState());
        return Outcome.CLOSED;
      }
      default -> {
        // USERPAYING: the payer is entering a password; REFUND: staff look at it
        return Outcome.LEFT;
      }
    }
  }

  /**
   * Closes at WeChat Pay; when the close call fails, the order counts as closed only if a query
   * says so.
   */
  private void closeAtWeChat(String no) {
    try {
      host.close(no);
    } catch (PayHost.PayHostFailed e) {
      PayHost.Trade again = host.query(no);
      if (!"CLOSED".equals(again.tradeState())) {
        throw e;
      }
    }
  }

  private enum Outcome {
    CONFIRMED,
    CLOSED,
    LEFT
  }

  /** What one pass did. */
  record Result(int confirmed, int closed, int failed) {}
}
