package io.gridbot.service.payment;

import java.time.LocalDate;
import java.util.Map;

/** Daily reconciliation of payments and refunds for staff. Reads only. */
public interface ReconciliationService {

  /**
   * Compares the day's paid orders (by {@code paidAt}, whatever their state now) with the ledger's
   * payments of the day and, for the channels given, with the channels' own totals; and the day's
   * refunds (by when staff made them, whatever became of them since) with what the ledger took off
   * the accounts for each, net of reversals: its amount, or nothing if the platform did not pay it
   * back.
   *
   * @param day a business day in the configured business time zone
   * @param channelTotals per channel, what its statement says; channels left out are not compared
   *     with a statement; may be empty, not null
   */
  ReconciliationReport reconcile(LocalDate day, Map<PaymentChannel, ChannelTotal> channelTotals);
}
