package io.gridbot.channel.alipay;

import io.gridbot.dialog.store.LockStore;
import io.gridbot.dialog.store.LockTimeout;
import io.gridbot.service.port.ChannelPayments;
import io.gridbot.service.port.ChannelPayments.ChannelOrder;
import io.gridbot.service.port.ChannelPayments.PaymentRefused;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Settles Alipay orders whose notification never came: orders unpaid for {@code reconcile-after}
 * are looked up with {@code alipay.trade.query}; paid ones are confirmed (the same exactly-once
 * confirmation as a notification), and those past {@code order-expiry} that Alipay has not seen
 * paid are closed there and here. One instance at a time runs it (a lock in the shared state
 * store); the others skip that round.
 */
@Component
class AlipayReconciliation {

  static final String LOCK = "alipay:reconcile";
  private static final Duration LEASE = Duration.ofMinutes(10);
  private static final Logger log = LoggerFactory.getLogger(AlipayReconciliation.class);

  private final AlipaySettings settings;
  private final ChannelPayments payments;
  private final AlipayApi api;
  private final AlipayPayments confirmations;
  private final LockStore locks;
  private final Clock clock;

  @Autowired
  AlipayReconciliation(
      AlipaySettings settings,
      ChannelPayments payments,
      AlipayApi api,
      AlipayPayments confirmations,
      LockStore locks) {
    this(settings, payments, api, confirmations, locks, Clock.systemUTC());
  }

  AlipayReconciliation(
      AlipaySettings settings,
      ChannelPayments payments,
      AlipayApi api,
      AlipayPayments confirmations,
      LockStore locks,
      Clock clock) {
    this.settings = settings;
    this.payments = payments;
    this.api = api;
    this.confirmations = confirmations;
    this.locks = locks;
    this.clock = clock;
  }

  @Scheduled(
      fixedDelayString = "${gridbot.alipay.reconcile-interval:PT2M}",
      initialDelayString = "${gridbot.alipay.reconcile-initial-delay:PT1M}")
  void scheduled() {
    if (settings.reconcileEnabled()) {
      run();
    }
  }

  /** One round; empty when another instance holds the lock. */
  Optional<Result> run() {
    try (LockStore.Lease lease = locks.acquire(LOCK, LEASE, Duration.ZERO)) {
      Instant now = clock.instant();
      int settled = 0;
      int closed = 0;
      int failed = 0;
      for (ChannelOrder order :
          payments.unpaid(
              AlipayOutbound.CHANNEL,
              now.minus(settings.reconcileAfter()),
              settings.reconcileBatch())) {
        try {
          switch (reconcile(order, now)) {
            case SETTLED -> settled++;
            case CLOSED -> closed++;
            case WAITING -> {}
          }
        } catch (AlipayCallFailed | PaymentRefused e) {
          failed++;
          log.warn("alipay reconciliation of order {}: {}", order.outTradeNo(), e.getMessage());
        }
      }
      Result result = new Result(settled, closed, failed);
      if (settled + closed + failed > 0) {
        log.info("alipay reconciliation: {}", result);
      }
      return Optional.of(result);
    } catch (LockTimeout e) {
      log.debug("alipay reconciliation runs on another instance");
      return Optional.empty();
    }
  }

  private Outcome reconcile(ChannelOrder order, Instant now) {
    Optional<AlipayApi.Trade> trade = api.query(order.outTradeNo());
    if (trade.isPresent() && trade.get().paid()) {
      AlipayApi.Trade t = trade.get();
      if (t.totalAmount() == null || t.totalAmount().compareTo(order.amount()) != 0) {
        log.error(
            "STAFF: alipay trade {} of order {} paid {} but the order is for {}: not settled",
            t.tradeNo(),
            order.outTradeNo(),
            t.totalAmount(),
            order.amount());
        return Outcome.WAITING;
      }
      String answer =
          confirmations.confirm(
              order.outTradeNo(),
              t.totalAmount(),
              t.tradeNo(),
              t.paidAt() == null ? now : t.paidAt());
      return AlipayPayments.SUCCESS.equals(answer) ? Outcome.SETTLED : Outcome.WAITING;
    }
    if (order.createdAt().plus(settings.orderExpiry()).isAfter(now)) {
      return Outcome.WAITING;
    }
    if (trade.isPresent()) {
      api.close(order.outTradeNo());
    }
    payments.close(order.outTradeNo());
    log.info("alipay order {} expired unpaid: closed", order.outTradeNo());
    return Outcome.CLOSED;
  }

  private enum Outcome {
    SETTLED,
    CLOSED,
    WAITING
  }

  /** What one round did. */
  record Result(int settled, int closed, int failed) {}
}
