package io.gridbot.channel.alipay;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Auto-debit (代扣) with Alipay, {@code gridbot.alipay.auto-debit.*}. Signing and its notifications
 * work whenever the channel is configured; the scheduled deductions run when {@code enabled}.
 *
 * @param enabled whether the scheduled deduction job runs (on by default)
 * @param personalProductCode the signing product agreed with Alipay ({@code GENERAL_WITHHOLDING_P}
 *     by default)
 * @param signScene the signing scene agreed with Alipay in the withholding contract ({@code
 *     INDUSTRY|DIGITAL_MEDIA} by default: set the merchant's own)
 * @param productCode the deduction product of {@code alipay.trade.pay} ({@code
 *     GENERAL_WITHHOLDING})
 * @param signReturnUrl where the phone returns after signing, or null
 * @param batch bills deducted per run, 1 to 1000
 * @param interval time between two runs of the deduction job (1 hour; read by its schedule)
 */
@ConfigurationProperties("gridbot.alipay.auto-debit")
record AlipayAutoDebitSettings(
    Boolean enabled,
    String personalProductCode,
    String signScene,
    String productCode,
    String signReturnUrl,
    Integer batch,
    Duration interval) {

  AlipayAutoDebitSettings {
    enabled = enabled == null || enabled;
    personalProductCode = orDefault(personalProductCode, "GENERAL_WITHHOLDING_P");
    signScene = orDefault(signScene, "INDUSTRY|DIGITAL_MEDIA");
    productCode = orDefault(productCode, "GENERAL_WITHHOLDING");
    signReturnUrl = signReturnUrl == null || signReturnUrl.isBlank() ? null : signReturnUrl.strip();
    batch = batch == null ? 100 : batch;
    interval = interval == null ? Duration.ofHours(1) : interval;
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("gridbot.alipay.auto-debit.interval must be positive");
    }
    if (batch < 1 || batch > 1000) {
      throw new IllegalArgumentException("gridbot.alipay.auto-debit.batch must be 1 to 1000");
    }
    if (signReturnUrl != null
        && !(signReturnUrl.startsWith("https://") || signReturnUrl.startsWith("http://"))) {
      throw new IllegalArgumentException(
          "gridbot.alipay.auto-debit.sign-return-url must be an http(s) URL");
    }
  }

  /** The defaults. */
  static AlipayAutoDebitSettings defaults() {
    return new AlipayAutoDebitSettings(null, null, null, null, null, null, null);
  }

  private static String orDefault(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value.strip();
  }
}
