package io.gridbot.service.account;

/** How an account pays for electricity. */
public enum BillingMode {
  /** Pays in advance; {@link Account#balance()} is the remaining credit. */
  PREPAID,
  /** Pays monthly bills afterwards; {@link Account#arrears()} is what is owed. */
  POSTPAID
}
