package io.gridbot.service.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One business day's payments compared three ways: the orders paid that day, the ledger's {@code
 * PAYMENT} entries of that day, and (when supplied) what each channel's statement says.
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
   */
  public record ChannelSummary(
      PaymentChannel channel,
      long orders,
      BigDecimal orderSum,
      long ledgerEntries,
      BigDecimal ledgerSum,
      ChannelTotal reported) {}

  /**
   * @param channel null for a ledger entry whose order does not exist
   * @param outTradeNo the order or ledger reference concerned; null for a channel total
   * @param detail what differs, for staff
   */
  public record Difference(Kind kind, PaymentChannel channel, String outTradeNo, String detail) {}

  /** What kind of difference. */
  public enum Kind {
    /** An order was paid that day but the ledger has no payment for it that day. */
    ORDER_WITHOUT_LEDGER_ENTRY,
    /** The ledger has a payment that day for an order that was not paid that day. */
    LEDGER_ENTRY_WITHOUT_ORDER,
    /** The order and its ledger payment differ in amount. */
    AMOUNT_DIFFERS,
    /** The channel's statement differs from our orders in count or sum. */
    CHANNEL_TOTAL_DIFFERS
  }
}
