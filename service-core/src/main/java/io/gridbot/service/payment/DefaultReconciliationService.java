package io.gridbot.service.payment;

import io.gridbot.service.payment.ReconciliationReport.ChannelSummary;
import io.gridbot.service.payment.ReconciliationReport.Difference;
import io.gridbot.service.payment.ReconciliationReport.Kind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class DefaultReconciliationService implements ReconciliationService {

  private static final Logger log = LoggerFactory.getLogger(DefaultReconciliationService.class);
  private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

  private final PaymentOrderMapper orders;
  private final LedgerMapper ledger;
  private final ZoneId zone;

  DefaultReconciliationService(
      PaymentOrderMapper orders, LedgerMapper ledger, PaymentSettings settings) {
    this.orders = orders;
    this.ledger = ledger;
    this.zone = settings.businessZone();
  }

  @Override
  public ReconciliationReport reconcile(
      LocalDate day, Map<PaymentChannel, ChannelTotal> channelTotals) {
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(channelTotals, "channelTotals");
    Instant from = day.atStartOfDay(zone).toInstant();
    Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
    List<PaymentOrder> paid =
        orders.findPaidBetween(from, to).stream().map(PaymentOrderRow::toOrder).toList();
    List<LedgerPayment> ledgerPayments = ledger.findPaymentsBetween(from, to);
    Map<String, LedgerPayment> payments = new LinkedHashMap<>();
    for (LedgerPayment payment : ledgerPayments) {
      payments.put(payment.reference(), payment);
    }

    List<Difference> differences = new ArrayList<>();
    for (PaymentOrder order : paid) {
      LedgerPayment payment = payments.remove(order.outTradeNo().value());
      if (payment == null) {
        differences.add(
            new Difference(
                Kind.ORDER_WITHOUT_LEDGER_ENTRY,
                order.channel(),
                order.outTradeNo().value(),
                null,
                "订单已支付" + order.amount() + "元，账本中无对应缴费记录"));
      } else if (payment.amount().compareTo(order.amount()) != 0) {
        differences.add(
            new Difference(
                Kind.AMOUNT_DIFFERS,
                order.channel(),
                order.outTradeNo().value(),
                null,
                "订单金额" + order.amount() + "元，账本记录" + payment.amount() + "元"));
      }
    }
    for (LedgerPayment orphan : payments.values()) {
      differences.add(
          new Difference(
              Kind.LEDGER_ENTRY_WITHOUT_ORDER,
              orphan.channel(),
              orphan.reference(),
              null,
              "账本缴费记录" + orphan.amount() + "元，当日无对应已支付订单"));
    }

    List<LedgerRefund> refunds = ledger.findRefundsBetween(from, to);
    List<LedgerPayment> strayRefundEntries = ledger.findStrayRefundEntriesBetween(from, to);
    differences.addAll(refundDifferences(refunds, strayRefundEntries));

    List<ChannelSummary> summaries = new ArrayList<>();
    for (PaymentChannel channel : PaymentChannel.values()) {
      List<PaymentOrder> ofChannel = paid.stream().filter(o -> o.channel() == channel).toList();
      BigDecimal orderSum = sum(ofChannel.stream().map(PaymentOrder::amount).toList());
      List<BigDecimal> ledgerAmounts =
          ledgerPayments.stream()
              .filter(p -> p.channel() == channel)
              .map(LedgerPayment::amount)
              .toList();
      ChannelTotal reported = channelTotals.get(channel);
      List<LedgerRefund> refundsOfChannel =
          refunds.stream().filter(r -> r.channel() == channel).toList();
      BigDecimal strayRefunds =
          sum(
              strayRefundEntries.stream()
                  .filter(e -> e.channel() == channel)
                  .map(e -> e.amount().negate())
                  .toList());
      summaries.add(
          new ChannelSummary(
              channel,
              ofChannel.size(),
              orderSum,
              ledgerAmounts.size(),
              sum(ledgerAmounts),
              reported,
              refundsOfChannel.size(),
              sum(refundsOfChannel.stream().map(LedgerRefund::amount).toList()),
              sum(
                  refundsOfChannel.stream()
                      .filter(r -> !r.recordedOut())
                      .map(LedgerRefund::amount)
                      .toList()),
              sum(refundsOfChannel.stream().map(LedgerRefund::ledgerNet).toList())
                  .add(strayRefunds)));
      if (reported != null
          && (reported.count() != ofChannel.size() || reported.sum().compareTo(orderSum) != 0)) {
        differences.add(
            new Difference(
                Kind.CHANNEL_TOTAL_DIFFERS,
                channel,
                null,
                null,
                "渠道对账单"
                    + reported.count()
                    + "笔"
                    + reported.sum()
                    + "元，系统订单"
                    + ofChannel.size()
                    + "笔"
                    + orderSum
                    + "元"));
      }
    }
    log.info(
        "reconciliation of {}: {} paid orders, {} refunds, {} differences",
        day,
        paid.size(),
        refunds.size(),
        differences.size());
    return new ReconciliationReport(day, summaries, differences);
  }

  /**
   * Each refund's ledger entries, net, against what its record says left the account; and refund
   * entries that name no refund.
   */
  private static List<Difference> refundDifferences(
      List<LedgerRefund> refunds, List<LedgerPayment> strayEntries) {
    List<Difference> differences = new ArrayList<>();
    for (LedgerRefund refund : refunds) {
      BigDecimal expected = refund.recordedOut() ? refund.amount() : ZERO;
      if (refund.ledgerNet().compareTo(expected) != 0) {
        String state =
            refund.dispatchState() == null
                ? ""
                : "（" + refund.dispatchState() + (refund.recordedOut() ? "" : "，款项应已退回账户") + "）";
        differences.add(
            new Difference(
                Kind.REFUND_LEDGER_DIFFERS,
                refund.channel(),
                refund.outTradeNo(),
                refund.outRefundNo(),
                "退款"
                    + refund.amount()
                    + "元"
                    + state
                    + "，账户应扣"
                    + expected
                    + "元，账本"
                    + refund.ledgerEntries()
                    + "笔净扣"
                    + refund.ledgerNet()
                    + "元"));
      }
    }
    for (LedgerPayment stray : strayEntries) {
      differences.add(
          new Difference(
              Kind.LEDGER_REFUND_WITHOUT_REFUND,
              stray.channel(),
              stray.reference(),
              null,
              "账本退款记录" + stray.amount() + "元，未关联任何退款"));
    }
    return differences;
  }

  private static BigDecimal sum(List<BigDecimal> amounts) {
    return amounts.stream().reduce(ZERO, BigDecimal::add);
  }
}
