package io.gridbot.service.payment;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.AccountNotFound;
import io.gridbot.service.account.ChannelUser;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Payment orders from creation to credit, close and refund; see {@link PaymentState} for the state
 * machine. Confirmation credits the account through the ledger exactly once, whatever the number of
 * concurrent or repeated confirmations: the order row is locked while it is confirmed.
 *
 * <p>A credit first settles the account's arrears — its unpaid bills oldest first, a bill becoming
 * paid once it is fully covered, a partial payment covering part of the oldest open bill — and the
 * rest becomes balance (prepaid credit). A prepaid account owes nothing, so its payment all goes to
 * its balance; a postpaid account's excess stays as credit that its next bills are taken from.
 */
public interface PaymentService {

  /**
   * Creates an order in state {@code CREATED}. For postpaid accounts callers usually pass the
   * arrears as the amount.
   *
   * @param payer who pays; null when unknown (e.g. at a counter)
   * @throws AccountNotFound if the account does not exist or is closed
   * @throws PaymentAmountOutOfRange if the amount is not 0.01 to 50,000.00 with at most two
   *     decimals
   */
  PaymentOrder createOrder(
      AccountNo account, BigDecimal amount, PaymentChannel channel, ChannelUser payer);

  /** The order; empty if there is none. */
  Optional<PaymentOrder> find(OutTradeNo outTradeNo);

  /**
   * The account's latest {@code PAID} orders, most recently paid first (refunded ones are left
   * out).
   *
   * @param limit how many at most, 1 to 50
   * @throws IllegalArgumentException if {@code limit} is out of range
   */
  List<PaymentOrder> recentPaid(AccountNo account, int limit);

  /**
   * Records that the channel received the payment, credits the account, publishes {@link
   * PaymentConfirmed} and tells the payer (or, when unknown, the account's subscribers) with a
   * {@code payment} notice keyed {@code payment:<outTradeNo>}. A {@code CLOSED} order is credited
   * too: the money has arrived. Confirming again with the same channel transaction changes nothing
   * and returns the order as it is.
   *
   * @param paidAmount what the channel received, in yuan
   * @param channelTxnId the platform's transaction id, 1 to 64 visible ASCII characters
   * @param paidAt when the platform says it was paid
   * @return the order, {@code PAID} (or {@code REFUNDED} for a repeat after a full refund)
   * @throws PaymentOrderNotFound if there is no such order
   * @throws PaymentAmountMismatch if the paid amount differs from the order's; nothing changes
   * @throws ChannelTransactionMismatch if the order was paid by another transaction or the
   *     transaction paid another order; nothing changes
   */
  PaymentOrder confirm(
      OutTradeNo outTradeNo, BigDecimal paidAmount, String channelTxnId, Instant paidAt);

  /**
   * Closes an unpaid order, e.g. after the channel's reconciliation found it unpaid on the
   * platform. Closing a closed order returns it unchanged.
   *
   * @throws PaymentOrderNotFound if there is no such order
   * @throws PaymentTransitionRefused if it is paid or refunded
   */
  PaymentOrder close(OutTradeNo outTradeNo);

  /**
   * Closes every {@code CREATED} order created before {@code olderThan}. An order being confirmed
   * at the same time is either confirmed first (and stays paid) or closed first (and is then paid
   * late).
   *
   * @return how many orders were closed
   */
  int closeExpired(Instant olderThan);

  /**
   * Refunds part or all of a paid order, taking the money back out of the account through the
   * ledger: first from its balance, then by re-opening its most recently settled bills (newest
   * first), which raises the arrears. The refund that reaches the order's amount makes it {@code
   * REFUNDED}; the payer is told with a {@code payment} notice keyed {@code
   * payment:<outTradeNo>:refund:<outRefundNo>}. A refund of a {@code WECHAT} or {@code ALIPAY}
   * order is also queued, in the same transaction, for its channel to send to the platform (see
   * {@link io.gridbot.service.port.ChannelRefunds}); if the platform does not pay it back, its
   * money goes back on the account and off the order's refunded amount (a {@code REFUNDED} order is
   * {@code PAID} again), so that it may be refunded again.
   *
   * @param reason why, 1 to 200 characters, not blank
   * @param staff who refunds, 1 to 64 characters, not blank
   * @throws PaymentOrderNotFound if there is no such order
   * @throws PaymentTransitionRefused if the order is not {@code PAID}
   * @throws PaymentAmountOutOfRange if the amount is not 0.01 to 50,000.00 with two decimals
   * @throws RefundExceedsPayment if it exceeds what is left after earlier refunds
   * @throws IllegalArgumentException if reason or staff are blank or too long
   */
  Refund refund(OutTradeNo outTradeNo, BigDecimal amount, String reason, String staff);

  /** The order's refunds, oldest first; empty if none or no such order. */
  List<Refund> refunds(OutTradeNo outTradeNo);
}
