package io.gridbot.service.tag;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.BillingMode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Computes the rule-based tags of an account from its data, by {@link TagSettings}. Pure. */
final class TagRules {

  static final int RECENT_BILLS = 6;

  /**
   * What the rules read of an account.
   *
   * @param evCharger a charging-point connection (充电桩) of the account was CONNECTED, or a
   *     charging-point survey (充电桩勘察) for it was DONE
   */
  record AccountFacts(
      AccountNo accountNo,
      BillingMode billingMode,
      BigDecimal balance,
      BigDecimal arrears,
      boolean active,
      boolean evCharger) {

    AccountFacts(
        AccountNo accountNo,
        BillingMode billingMode,
        BigDecimal balance,
        BigDecimal arrears,
        boolean active) {
      this(accountNo, billingMode, balance, arrears, active, false);
    }
  }

  /** What the rules read of a bill; {@code paidAt} is null while it is unpaid. */
  record BillFacts(
      AccountNo accountNo,
      YearMonth period,
      BigDecimal kwhPeak,
      BigDecimal kwhValley,
      BigDecimal kwhFlat,
      LocalDate dueDate,
      Instant paidAt) {

    BigDecimal totalKwh() {
      return kwhPeak.add(kwhValley).add(kwhFlat);
    }
  }

  private final TagSettings settings;

  TagRules(TagSettings settings) {
    this.settings = settings;
  }

  /**
   * The rule-based tags; none for a closed account.
   *
   * @param bills the account's latest bills, newest first
   * @param today the local date the rules judge due dates by
   */
  Set<CustomerTag> evaluate(AccountFacts account, List<BillFacts> bills, LocalDate today) {
    Set<CustomerTag> tags = EnumSet.noneOf(CustomerTag.class);
    if (!account.active()) {
      return tags;
    }
    if (account.billingMode() == BillingMode.PREPAID
        && account.balance().compareTo(settings.lowBalance()) < 0) {
      tags.add(CustomerTag.PREPAID_LOW_BALANCE);
    }
    if (lateBills(bills, today) >= settings.lateBills()) {
      tags.add(CustomerTag.LATE_PAYER);
    }
    List<BillFacts> recent = bills.subList(0, Math.min(RECENT_BILLS, bills.size()));
    BigDecimal total = sum(recent, BillFacts::totalKwh);
    if (!recent.isEmpty()) {
      BigDecimal threshold =
          settings.highConsumptionKwh().multiply(BigDecimal.valueOf(recent.size()));
      if (total.compareTo(threshold) > 0) {
        tags.add(CustomerTag.HIGH_CONSUMPTION);
      }
      BigDecimal peak = sum(recent, BillFacts::kwhPeak);
      if (total.signum() > 0 && peak.compareTo(total.multiply(settings.peakShare())) >= 0) {
        tags.add(CustomerTag.PEAK_HEAVY);
      }
    }
    if (account.evCharger()) {
      tags.add(CustomerTag.EV_CHARGER);
    }
    if (account.billingMode() == BillingMode.POSTPAID
        && account.arrears().signum() == 0
        && bills.stream().noneMatch(b -> unpaidPastDue(b, today))
        && bills.stream().filter(b -> b.paidAt() != null).count()
            >= settings.autoDebitMinPaidBills()) {
      tags.add(CustomerTag.AUTO_DEBIT_ELIGIBLE);
    }
    return tags;
  }

  /** Bills due within the lookback that were paid after their due date or are unpaid past it. */
  private long lateBills(List<BillFacts> bills, LocalDate today) {
    LocalDate since = today.minus(settings.lookback());
    return bills.stream()
        .filter(b -> b.dueDate().isAfter(since))
        .filter(b -> unpaidPastDue(b, today) || paidLate(b))
        .count();
  }

  private boolean paidLate(BillFacts bill) {
    return bill.paidAt() != null
        && bill.paidAt().atZone(settings.zone()).toLocalDate().isAfter(bill.dueDate());
  }

  private static boolean unpaidPastDue(BillFacts bill, LocalDate today) {
    return bill.paidAt() == null && bill.dueDate().isBefore(today);
  }

  private static BigDecimal sum(
      List<BillFacts> bills, java.util.function.Function<BillFacts, BigDecimal> value) {
    return bills.stream().map(value).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
