package io.gridbot.service.autodebit;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.service.autodebit.Eligibility.Reason;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class EligibilityRuleTest {

  private static final BigDecimal NOTHING = new BigDecimal("0.00");
  private static final BigDecimal OWES = new BigDecimal("86.40");
  private final AutoDebitSettings defaults = AutoDebitSettings.defaults();
  private final AutoDebitSettings tagOnly = new AutoDebitSettings(null, false);

  @Test
  void a_signed_account_cannot_sign_again() {
    assertThat(EligibilityRule.reason(true, true, NOTHING, defaults))
        .isEqualTo(Reason.ALREADY_SIGNED);
  }

  @Test
  void the_tag_makes_eligible_even_with_arrears() {
    assertThat(EligibilityRule.reason(false, true, OWES, tagOnly)).isEqualTo(Reason.TAGGED);
    assertThat(new Eligibility(Reason.TAGGED).eligible()).isTrue();
  }

  @Test
  void good_standing_suffices_by_default_but_not_when_configured_off() {
    assertThat(EligibilityRule.reason(false, false, NOTHING, defaults))
        .isEqualTo(Reason.GOOD_STANDING);
    assertThat(EligibilityRule.reason(false, false, NOTHING, tagOnly))
        .isEqualTo(Reason.NOT_QUALIFIED);
    assertThat(new Eligibility(Reason.NOT_QUALIFIED).eligible()).isFalse();
  }

  @Test
  void arrears_without_the_tag_are_refused() {
    assertThat(EligibilityRule.reason(false, false, OWES, defaults)).isEqualTo(Reason.ARREARS);
    assertThat(new Eligibility(Reason.ARREARS).eligible()).isFalse();
  }
}
