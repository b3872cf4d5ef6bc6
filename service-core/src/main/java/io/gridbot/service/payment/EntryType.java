package io.gridbot.service.payment;

/** What moved an account's money. The sign is from the customer's side. */
public enum EntryType {
  /** A confirmed payment: positive. */
  PAYMENT,
  /** A refund of a payment: negative. */
  REFUND,
  /** A bill charged to the account: negative. */
  BILL_CHARGE,
  /** A correction or an opening position, either sign. */
  ADJUSTMENT
}
