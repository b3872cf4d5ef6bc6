package io.gridbot.service.payment;

import io.gridbot.service.notification.NotificationPublisher;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the ledger and the order true to where a refund's money is, inside the caller's
 * transaction. A refund takes its money off the account when staff make it; when the platform does
 * not pay it back (FAILED, ABNORMAL) the money is put back ({@code REFUND_REVERSED}) and the order
 * may be refunded again; when it leaves after all (sent again by staff, paid by the platform late)
 * it is taken off again (another {@code REFUND} entry).
 *
 * <p>The caller holds the lock of the refund's {@code refund_dispatch} row and changes its state in
 * the same transaction. Locks are taken refund, order, account, bills: never the other way round.
 * Each movement happens once: the counters on the refund allow a reversal only while the money is
 * off and a re-debit only while it is back, and every entry has its own dedup key ({@code
 * refund-reversal:<R>:<n>}, {@code refund:<R>:<n>}), unique in the ledger.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class RefundReversals {

  private static final Logger log = LoggerFactory.getLogger(RefundReversals.class);

  private final RefundDispatchMapper dispatches;
  private final PaymentOrderMapper orders;
  private final Ledger ledger;
  private final NotificationPublisher notifications;

  RefundReversals(
      RefundDispatchMapper dispatches,
      PaymentOrderMapper orders,
      Ledger ledger,
      NotificationPublisher notifications) {
    this.dispatches = dispatches;
    this.orders = orders;
    this.ledger = ledger;
    this.notifications = notifications;
  }

  /**
   * The platform did not pay the refund back: its money goes back on the account (arrears first,
   * then the balance) and off the order's refunded amount, which makes a {@code REFUNDED} order
   * {@code PAID} again.
   *
   * @param refund the refund as locked, before its state changed
   * @return the entry written; empty when the money was back already
   */
  Optional<LedgerEntry> putBack(RefundDispatch refund, Instant at) {
    if (refund.moneyBack()) {
      return Optional.empty();
    }
    String no = refund.outRefundNo();
    if (dispatches.countReversal(no) != 1) {
      // cannot happen while the refund's row is locked; refuse rather than put it back twice
      throw new IllegalStateException("refund " + no + " changed while being reversed");
    }
    PaymentOrder order = lockOrder(refund);
    LedgerEntry entry =
        ledger.restore(
            order.accountNo(),
            refund.amount(),
            order.outTradeNo().value(),
            no,
            "refund-reversal:" + no + ":" + (refund.reversals() + 1),
            at);
    BigDecimal refunded = order.refundedAmount().subtract(refund.amount()).max(BigDecimal.ZERO);
    orders.adjustRefunded(order.outTradeNo(), refunded, PaymentState.PAID, null);
    log.info(
        "refund {} of order {}: {} yuan put back on account {} (balance {}, arrears {}); the order"
            + " is PAID with {} yuan refundable",
        no,
        order.outTradeNo(),
        refund.amount(),
        order.accountNo().masked(),
        entry.balanceAfter(),
        entry.arrearsAfter(),
        order.amount().subtract(refunded));
    // the payer was told of the refund: tell them too that it did not reach them, and where it is
    PaymentNotices.tell(
        notifications, order, PaymentNotices.refundPutBack(order, refund, refund.reversals() + 1));
    return Optional.of(entry);
  }

  /**
   * Refuses to send a refund whose money is back on the account again when the order has been
   * refunded since and no longer has that much refundable.
   *
   * @throws RefundRetryRefused when the refund exceeds what the order has refundable now
   */
  void requireRefundable(RefundDispatch refund) {
    if (!refund.moneyBack()) {
      return;
    }
    PaymentOrder order = lockOrder(refund);
    if (refund.amount().compareTo(order.refundable()) > 0) {
      throw RefundRetryRefused.orderRefundedSince(refund, order.outTradeNo(), order.refundable());
    }
  }

  /**
   * The refund's money leaves after all: taken off the account again (balance first, then by
   * re-opening bills) and added to the order's refunded amount again. The platform's word wins: if
   * the order has been refunded again meanwhile beyond its amount, the refunded amount stops at the
   * order's amount and staff are told.
   *
   * @param refund the refund as locked, before its state changed
   * @return the entry written; empty when the money was not back on the account (it never left the
   *     ledger, or the refund failed before its money was put back)
   */
  Optional<LedgerEntry> takeOffAgain(RefundDispatch refund, Instant at) {
    if (!refund.moneyBack()) {
      return Optional.empty();
    }
    String no = refund.outRefundNo();
    if (dispatches.countRedebit(no) != 1) {
      throw new IllegalStateException("refund " + no + " changed while being debited again");
    }
    PaymentOrder order = lockOrder(refund);
    LedgerEntry entry =
        ledger.reverse(
            order.accountNo(),
            refund.amount(),
            order.outTradeNo().value(),
            no,
            "refund:" + no + ":" + (refund.redebits() + 1),
            at);
    BigDecimal refunded = order.refundedAmount().add(refund.amount());
    if (refunded.compareTo(order.amount()) > 0) {
      log.error(
          "STAFF: refund {} of order {} ({} yuan) left after all, but the order was refunded"
              + " again meanwhile: {} yuan refunded of {} paid; recover the difference from the"
              + " customer or the platform",
          no,
          order.outTradeNo(),
          refund.amount(),
          refunded,
          order.amount());
      refunded = order.amount();
    }
    boolean full = refunded.compareTo(order.amount()) == 0;
    Instant refundedAt = order.refundedAt() != null ? order.refundedAt() : at;
    orders.adjustRefunded(
        order.outTradeNo(),
        refunded,
        full ? PaymentState.REFUNDED : PaymentState.PAID,
        full ? refundedAt : null);
    log.info(
        "refund {} of order {}: {} yuan taken off account {} again (balance {}, arrears {})",
        no,
        order.outTradeNo(),
        refund.amount(),
        order.accountNo().masked(),
        entry.balanceAfter(),
        entry.arrearsAfter());
    return Optional.of(entry);
  }

  private PaymentOrder lockOrder(RefundDispatch refund) {
    OutTradeNo no = new OutTradeNo(refund.outTradeNo());
    return orders
        .lock(no)
        .map(PaymentOrderRow::toOrder)
        .orElseThrow(() -> new PaymentOrderNotFound(no));
  }
}
