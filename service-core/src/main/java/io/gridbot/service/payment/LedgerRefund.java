package io.gridbot.service.payment;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A recorded refund and what the ledger shows for it.
 *
 * @param channel the refunded order's channel
 * @param amount what staff refunded
 * @param dispatchState where it is on its way back through the platform; null for a refund that
 *     goes through no platform (web, counter)
 * @param ledgerEntries how many ledger entries belong to it
 * @param ledgerNet what those entries took off the account, net of reversals (positive when the
 *     money is off)
 */
record LedgerRefund(
    String outRefundNo,
    String outTradeNo,
    PaymentChannel channel,
    BigDecimal amount,
    RefundDispatchState dispatchState,
    long ledgerEntries,
    BigDecimal ledgerNet) {

  LedgerRefund {
    // no entries sum to a plain 0
    ledgerNet = ledgerNet.setScale(2, RoundingMode.UNNECESSARY);
  }

  /**
   * Whether its record says the money left the account: always, unless the platform did not pay it
   * back (FAILED, ABNORMAL), which puts the money back.
   */
  boolean recordedOut() {
    return dispatchState != RefundDispatchState.FAILED
        && dispatchState != RefundDispatchState.ABNORMAL;
  }
}
