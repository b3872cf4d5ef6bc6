package io.gridbot.service.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One business day's payments compared three ways: the orders paid that day, the ledger's {@code
 * PAYMENT} entries of that day, and (when supplied) what each channel's statement says; and the
 * day's refunds compared with the ledger: each refund recorded that day with what its ledger
 * entries took off the account, net of reversals.
 *
 * @param day the business day (in the configured business time zone)
 * @param channels one line per channel, in {@link PaymentChannel} order
 * @param differences everything that does not match; empty when the day reconciles
 */
public record ReconciliationReport(
    LocalDate day, List<ChannelSummary> channels, List<Difference> differences) {

  public ReconciliationReport {
    Objects.requireNonNull(day, "day");
    channels = List.copyOf(channels);
    differences = List.copyOf(differences);
  }

  /** Whether nothing differs. */
  public boolean reconciles() {
    return differences.isEmpty();
  }

  /**
   * @param reported the channel's own total; null if none was supplied
   * @param refunds refunds recorded that day of the channel's orders
   * @param refundSum their amounts
   * @param reversedSum of that, what the platform did not pay back (refunds FAILED or ABNORMAL
   *     now), which is back on the accounts
   * @param ledgerRefundSum what the ledger took off accounts for those refunds, net of reversals
   *     (whatever day they were written), plus refund entries of that day that name no refund;
   *     equals {@code refundSum - reversedSum} when the refunds reconcile
   */
  public record ChannelSummary(
      PaymentChannel channel,
      long orders,
      BigDecimal orderSum,
      long ledgerEntries,
      BigDecimal ledgerSum,
      ChannelTotal reported,
      long refunds,
      BigDecimal refundSum,
      BigDecimal reversedSum,
      BigDecimal ledgerRefundSum) {}

  /**
   * @param channel null for a ledger entry whose order does not exist
   * @param outTradeNo the order or ledger reference concerned; null for a channel total
   * @param outRefundNo the refund concerned; null for a payment or a channel total
   * @param detail what differs, for staff
   */
  public record Difference(
      Kind kind, PaymentChannel channel, String outTradeNo, String outRefundNo, String detail) {}

  /** What kind of difference. */
  public enum Kind {
    /** An order was paid that day but the ledger has no payment for it that day. */
    ORDER_WITHOUT_LEDGER_ENTRY,
    /** The ledger has a payment that day for an order that was not paid that day. */
    LEDGER_ENTRY_WITHOUT_ORDER,
    /** The order and its ledger payment differ in amount. */
    AMOUNT_DIFFERS,
    /** The channel's statement differs from our orders in count or sum. */
    CHANNEL_TOTAL_DIFFERS,
    /**
     * A refund recorded that day and what the ledger took off the account for it, net of reversals,
     * differ: the ledger should show its amount, or nothing once the platform did not pay it back
     * (FAILED, ABNORMAL).
     */
    REFUND_LEDGER_DIFFERS,
    /** The ledger has a refund or reversal entry that day that names no recorded refund. */
    LEDGER_REFUND_WITHOUT_REFUND
  }
}
