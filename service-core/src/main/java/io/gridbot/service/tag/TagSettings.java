package io.gridbot.service.tag;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Period;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Thresholds of the tag rules, {@code gridbot.tags.*}. Every setting has a default.
 *
 * @param lowBalance a prepaid balance below this many yuan is low; 20.00 by default
 * @param lateBills how many late bills make a late payer; 2 by default
 * @param lookback how far back late bills count, by due date; 12 months by default
 * @param highConsumptionKwh an average of more kWh per bill over the last 6 bills is high; 400 by
 *     default
 * @param peakShare the share of peak kWh over the last 6 bills that makes a peak-heavy account,
 *     above 0 and at most 1; 0.50 by default
 * @param autoDebitMinPaidBills paid bills an account needs for auto-debit, 1 to {@value
 *     #BILLS_READ}; 3 by default
 * @param batchSize accounts recomputed per transaction by {@link TagService#recomputeAll()}; 200 by
 *     default
 * @param zone the time zone of due dates; {@code Asia/Shanghai} by default
 * @throws IllegalArgumentException if a value is out of range
 */
@ConfigurationProperties("gridbot.tags")
public record TagSettings(
    BigDecimal lowBalance,
    Integer lateBills,
    Period lookback,
    BigDecimal highConsumptionKwh,
    BigDecimal peakShare,
    Integer autoDebitMinPaidBills,
    Integer batchSize,
    ZoneId zone) {

  /** How many of an account's latest bills the rules read. */
  public static final int BILLS_READ = 24;

  public TagSettings {
    lowBalance = lowBalance == null ? new BigDecimal("20.00") : lowBalance;
    lateBills = lateBills == null ? 2 : lateBills;
    lookback = lookback == null ? Period.ofMonths(12) : lookback.normalized();
    highConsumptionKwh = highConsumptionKwh == null ? new BigDecimal("400") : highConsumptionKwh;
    peakShare = peakShare == null ? new BigDecimal("0.50") : peakShare;
    autoDebitMinPaidBills = autoDebitMinPaidBills == null ? 3 : autoDebitMinPaidBills;
    batchSize = batchSize == null ? 200 : batchSize;
    zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
    lowBalance = lowBalance.setScale(2, RoundingMode.UNNECESSARY);
    if (lateBills < 1) {
      throw new IllegalArgumentException("gridbot.tags.late-bills must be at least 1");
    }
    if (lookback.isNegative() || lookback.isZero()) {
      throw new IllegalArgumentException("gridbot.tags.lookback must be positive");
    }
    if (highConsumptionKwh.signum() < 0) {
      throw new IllegalArgumentException("gridbot.tags.high-consumption-kwh must not be negative");
    }
    if (peakShare.signum() <= 0 || peakShare.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException("gridbot.tags.peak-share must be above 0 and at most 1");
    }
    if (autoDebitMinPaidBills < 1 || autoDebitMinPaidBills > BILLS_READ) {
      throw new IllegalArgumentException(
          "gridbot.tags.auto-debit-min-paid-bills must be 1 to " + BILLS_READ);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("gridbot.tags.batch-size must be at least 1");
    }
  }

  /** The defaults. */
  public static TagSettings defaults() {
    return new TagSettings(null, null, null, null, null, null, null, null);
  }
}
