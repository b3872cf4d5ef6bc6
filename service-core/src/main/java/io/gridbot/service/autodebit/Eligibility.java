package io.gridbot.service.autodebit;

import java.util.Objects;

/**
 * Whether an account may sign auto-debit, and why.
 *
 * @param reason why it is (not) eligible
 */
public record Eligibility(Reason reason) {

  /** Why an account is or is not eligible. */
  public enum Reason {
    /** The account has the configured tag ({@link AutoDebitSettings#tag()}). */
    TAGGED,
    /** The account owes nothing and good standing suffices. */
    GOOD_STANDING,
    /** The account already has a signed agreement. */
    ALREADY_SIGNED,
    /** The account owes money and is not tagged. */
    ARREARS,
    /** Not tagged, and good standing does not suffice by the settings. */
    NOT_QUALIFIED
  }

  public Eligibility {
    Objects.requireNonNull(reason, "reason");
  }

  /** Whether signing may be requested. */
  public boolean eligible() {
    return reason == Reason.TAGGED || reason == Reason.GOOD_STANDING;
  }
}
