package io.gridbot.service.autodebit;

import java.math.BigDecimal;

/** Who may sign auto-debit, from facts already read. */
final class EligibilityRule {

  private EligibilityRule() {}

  static Eligibility.Reason reason(
      boolean signed, boolean tagged, BigDecimal arrears, AutoDebitSettings settings) {
    if (signed) {
      return Eligibility.Reason.ALREADY_SIGNED;
    }
    if (tagged) {
      return Eligibility.Reason.TAGGED;
    }
    if (arrears.signum() > 0) {
      return Eligibility.Reason.ARREARS;
    }
    return settings.goodStandingSuffices()
        ? Eligibility.Reason.GOOD_STANDING
        : Eligibility.Reason.NOT_QUALIFIED;
  }
}
