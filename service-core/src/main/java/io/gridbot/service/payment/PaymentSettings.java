package io.gridbot.service.payment;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gridbot.payment.*}.
 *
 * @param businessZone the utility's time zone: the date and time in an out_trade_no, the business
 *     day of the reconciliation, whether a bill was paid by its due date
 * @param refunds how refunds that could not be sent to their platform are tried again
 */
@ConfigurationProperties("gridbot.payment")
record PaymentSettings(
    @DefaultValue("Asia/Shanghai") ZoneId businessZone, @DefaultValue RefundRetry refunds) {

  PaymentSettings {
    Objects.requireNonNull(businessZone, "gridbot.payment.business-zone");
    Objects.requireNonNull(refunds, "gridbot.payment.refunds");
  }

  /**
   * {@code gridbot.payment.refunds.*}: a refund that met a transient error (no answer, the platform
   * busy) waits {@code firstRetryAfter} before it is sent again, twice as long after each further
   * error but never more than {@code maxRetryAfter}; the {@code maxAttempts}-th error gives up (the
   * refund FAILED, for staff).
   *
   * @param firstRetryAfter the wait after the first error, at least one second
   * @param maxRetryAfter the longest wait, not below {@code firstRetryAfter}
   * @param maxAttempts 1 to 1000 sends before giving up
   */
  record RefundRetry(
      @DefaultValue("PT1M") Duration firstRetryAfter,
      @DefaultValue("PT1H") Duration maxRetryAfter,
      @DefaultValue("20") int maxAttempts) {

    RefundRetry {
      Objects.requireNonNull(firstRetryAfter, "gridbot.payment.refunds.first-retry-after");
      Objects.requireNonNull(maxRetryAfter, "gridbot.payment.refunds.max-retry-after");
      if (firstRetryAfter.compareTo(Duration.ofSeconds(1)) < 0
          || maxRetryAfter.compareTo(firstRetryAfter) < 0) {
        throw new IllegalArgumentException(
            "gridbot.payment.refunds needs 1s <= first-retry-after <= max-retry-after, got "
                + firstRetryAfter
                + " and "
                + maxRetryAfter);
      }
      if (maxAttempts < 1 || maxAttempts > 1000) {
        throw new IllegalArgumentException(
            "gridbot.payment.refunds.max-attempts must be 1 to 1000, got " + maxAttempts);
      }
    }

    /** How long to wait after the {@code attempts}-th failed send (1 or more). */
    Duration waitAfter(int attempts) {
      if (attempts < 1) {
        throw new IllegalArgumentException("attempts start at 1, got " + attempts);
      }
      Duration wait = firstRetryAfter.multipliedBy(1L << Math.min(attempts - 1, 30));
      return wait.compareTo(maxRetryAfter) > 0 || wait.isNegative() ? maxRetryAfter : wait;
    }

    /** True when the {@code attempts}-th failed send is the last one. */
    boolean exhausted(int attempts) {
      return attempts >= maxAttempts;
    }
  }
}
