package io.gridbot.service.payment;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.AccountNotFound;
import io.gridbot.service.account.AccountService;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.notification.Notice;
import io.gridbot.service.notification.NotificationPublisher;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class DefaultPaymentService implements PaymentService {

  private static final Logger log = LoggerFactory.getLogger(DefaultPaymentService.class);
  private static final Pattern CHANNEL_TXN_ID = Pattern.compile("[\\x21-\\x7e]{1,64}");
  private static final int ID_ATTEMPTS = 3;

  private final PaymentOrderMapper orders;
  private final AccountService accounts;
  private final Ledger ledger;
  private final TradeNumbers numbers;
  private final PaymentSettings settings;
  private final ApplicationEventPublisher events;
  private final NotificationPublisher notifications;
  private final RefundDispatchMapper dispatches;

  DefaultPaymentService(
      PaymentOrderMapper orders,
      AccountService accounts,
      Ledger ledger,
      TradeNumbers numbers,
      PaymentSettings settings,
      ApplicationEventPublisher events,
      NotificationPublisher notifications,
      RefundDispatchMapper dispatches) {
    this.orders = orders;
    this.accounts = accounts;
    this.ledger = ledger;
    this.numbers = numbers;
    this.settings = settings;
    this.events = events;
    this.notifications = notifications;
    this.dispatches = dispatches;
  }

  @Override
  public PaymentOrder createOrder(
      AccountNo account, BigDecimal amount, PaymentChannel channel, ChannelUser payer) {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(channel, "channel");
    BigDecimal payable = Amounts.payable(amount);
    if (accounts.find(account).isEmpty()) {
      throw new AccountNotFound(account);
    }
    Instant now = now();
    for (int attempt = 1; ; attempt++) {
      PaymentOrder order =
          new PaymentOrder(
              numbers.nextOrder(),
              account,
              payable,
              channel,
              payer,
              PaymentState.CREATED,
              null,
              BigDecimal.ZERO.setScale(2),
              now,
              null,
              null,
              null);
      try {
        orders.insert(order);
      } catch (DuplicateKeyException e) {
        if (attempt == ID_ATTEMPTS) {
          throw e;
        }
        continue;
      }
      log.info(
          "payment order {} created: account {}, {} yuan, {}",
          order.outTradeNo(),
          account.masked(),
          payable,
          channel.code());
      // read back: the database's precision of the times is what every later read returns
      return lockOrder(order.outTradeNo());
    }
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<PaymentOrder> find(OutTradeNo outTradeNo) {
    return orders
        .find(Objects.requireNonNull(outTradeNo, "outTradeNo"))
        .map(PaymentOrderRow::toOrder);
  }

  @Override
  @Transactional(readOnly = true)
  public List<PaymentOrder> recentPaid(AccountNo account, int limit) {
    if (limit < 1 || limit > 50) {
      throw new IllegalArgumentException("limit must be 1 to 50: " + limit);
    }
    return orders.findPaidByAccount(account, limit).stream().map(PaymentOrderRow::toOrder).toList();
  }

  @Override
  public PaymentOrder confirm(
      OutTradeNo outTradeNo, BigDecimal paidAmount, String channelTxnId, Instant paidAt) {
    Objects.requireNonNull(outTradeNo, "outTradeNo");
    Objects.requireNonNull(paidAmount, "paidAmount");
    Objects.requireNonNull(paidAt, "paidAt");
    if (channelTxnId == null || !CHANNEL_TXN_ID.matcher(channelTxnId).matches()) {
      throw new IllegalArgumentException("channel transaction id must be 1 to 64 visible ASCII");
    }
    // The row lock makes concurrent confirmations of one order run one after the other: the first
    // credits, the others find the order paid.
    PaymentOrder order = lockOrder(outTradeNo);
    if (paidAmount.compareTo(order.amount()) != 0) {
      log.error(
          "payment order {} ({}): {} yuan confirmed by {} but {} yuan ordered; not credited",
          outTradeNo,
          order.accountNo().masked(),
          paidAmount.toPlainString(),
          channelTxnId,
          order.amount());
      throw new PaymentAmountMismatch(outTradeNo, order.amount(), paidAmount);
    }
    if (order.state() == PaymentState.PAID || order.state() == PaymentState.REFUNDED) {
      if (channelTxnId.equals(order.channelTxnId())) {
        log.info(
            "payment order {} confirmed again by {}; already credited", outTradeNo, channelTxnId);
        return order;
      }
      log.error(
          "payment order {} ({}) paid by {} and confirmed again by {}; not credited",
          outTradeNo,
          order.accountNo().masked(),
          order.channelTxnId(),
          channelTxnId);
      throw new ChannelTransactionMismatch(
          outTradeNo, channelTxnId, "the order was paid by another transaction");
    }
    if (!order.state().canBecome(PaymentState.PAID)) {
      throw new PaymentTransitionRefused(outTradeNo, order.state(), PaymentState.PAID);
    }
    return credit(order, channelTxnId, paidAt.truncatedTo(ChronoUnit.MILLIS));
  }

  private PaymentOrder credit(PaymentOrder order, String channelTxnId, Instant paidAt) {
    OutTradeNo no = order.outTradeNo();
    int changed;
    try {
      changed = orders.markPaid(no, order.state(), channelTxnId, paidAt);
    } catch (DuplicateKeyException e) {
      log.error("channel transaction {} already paid another order than {}", channelTxnId, no);
      throw new ChannelTransactionMismatch(
          no, channelTxnId, "the transaction already paid another order");
    }
    if (changed != 1) {
      // cannot happen while the row is locked; refuse rather than credit twice
      throw new IllegalStateException("payment order " + no + " changed while being confirmed");
    }
    Ledger.Credit credit =
        ledger.credit(
            order.accountNo(),
            order.amount(),
            no.value(),
            "payment:" + no,
            paidAt,
            paidAt.atZone(settings.businessZone()).toLocalDate());
    PaymentOrder paid = lockOrder(no);
    events.publishEvent(
        new PaymentConfirmed(
            no.value(),
            paid.accountNo(),
            paid.amount(),
            paid.channel().code(),
            paid.payer(),
            credit.onTime(),
            now()));
    tell(paid, PaymentNotices.paid(paid, credit.entry(), settings.businessZone()));
    log.info(
        "payment order {} paid{}: account {} credited {} yuan, balance {}, arrears {}",
        no,
        order.state() == PaymentState.CLOSED ? " after it was closed" : "",
        paid.accountNo().masked(),
        paid.amount(),
        credit.entry().balanceAfter(),
        credit.entry().arrearsAfter());
    return paid;
  }

  @Override
  public PaymentOrder close(OutTradeNo outTradeNo) {
    PaymentOrder order = lockOrder(Objects.requireNonNull(outTradeNo, "outTradeNo"));
    if (order.state() == PaymentState.CLOSED) {
      return order;
    }
    if (!order.state().canBecome(PaymentState.CLOSED)) {
      throw new PaymentTransitionRefused(outTradeNo, order.state(), PaymentState.CLOSED);
    }
    orders.markClosed(outTradeNo, now());
    log.info("payment order {} closed", outTradeNo);
    return lockOrder(outTradeNo);
  }

  @Override
  public int closeExpired(Instant olderThan) {
    // A conditional update: an order locked by a confirmation is waited for and then skipped.
    int closed = orders.closeCreatedBefore(Objects.requireNonNull(olderThan, "olderThan"), now());
    log.info("closed {} payment orders created before {}", closed, olderThan);
    return closed;
  }

  @Override
  public Refund refund(OutTradeNo outTradeNo, BigDecimal amount, String reason, String staff) {
    Objects.requireNonNull(outTradeNo, "outTradeNo");
    BigDecimal refunding = Amounts.payable(amount);
    requireText(reason, 200, "reason");
    requireText(staff, 64, "staff");
    PaymentOrder order = lockOrder(outTradeNo);
    if (order.state() != PaymentState.PAID) {
      throw new PaymentTransitionRefused(outTradeNo, order.state(), PaymentState.REFUNDED);
    }
    if (refunding.compareTo(order.refundable()) > 0) {
      throw new RefundExceedsPayment(outTradeNo, refunding, order.refundable());
    }
    Instant now = now();
    Refund refund = new Refund(numbers.nextRefund(), outTradeNo, refunding, reason, staff, now);
    orders.insertRefund(refund);
    if (DefaultChannelRefunds.dispatched(order.channel())) {
      // the money goes back through the platform: its channel's job sends it after commit
      dispatches.insert(refund, order.channel(), order.amount());
    }
    LedgerEntry entry =
        ledger.reverse(
            order.accountNo(),
            refunding,
            outTradeNo.value(),
            refund.outRefundNo(),
            "refund:" + refund.outRefundNo(),
            now);
    BigDecimal refunded = order.refundedAmount().add(refunding);
    boolean full = refunded.compareTo(order.amount()) == 0;
    orders.markRefunded(
        outTradeNo, refunded, full ? PaymentState.REFUNDED : PaymentState.PAID, full ? now : null);
    tell(order, PaymentNotices.refunded(order, refund, settings.businessZone()));
    log.info(
        "payment order {} refunded {} yuan ({}) by {}: account {} balance {}, arrears {}",
        outTradeNo,
        refunding,
        refund.outRefundNo(),
        staff,
        order.accountNo().masked(),
        entry.balanceAfter(),
        entry.arrearsAfter());
    return refund;
  }

  @Override
  @Transactional(readOnly = true)
  public List<Refund> refunds(OutTradeNo outTradeNo) {
    return orders.findRefunds(Objects.requireNonNull(outTradeNo, "outTradeNo"));
  }

  private PaymentOrder lockOrder(OutTradeNo no) {
    return orders
        .lock(no)
        .map(PaymentOrderRow::toOrder)
        .orElseThrow(() -> new PaymentOrderNotFound(no));
  }

  private void tell(PaymentOrder order, Notice notice) {
    PaymentNotices.tell(notifications, order, notice);
  }

  private static void requireText(String value, int maxLength, String name) {
    if (value == null || value.isBlank() || value.length() > maxLength) {
      throw new IllegalArgumentException(
          name + " must be 1 to " + maxLength + " characters and not blank");
    }
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }
}
