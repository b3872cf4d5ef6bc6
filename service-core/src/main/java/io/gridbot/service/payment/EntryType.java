package io.gridbot.service.payment;

/** What moved an account's money. The sign is from the customer's side. */
public enum EntryType {
  /** A confirmed payment: positive. */
  PAYMENT,
  /**
   * A refund of a payment: negative. A refund whose money was put back ({@link #REFUND_REVERSED})
   * and then left after all (sent again, or paid by the platform late) has one more.
   */
  REFUND,
  /**
   * The platform did not pay a refund back (it failed, or ended abnormally): its money goes back on
   * the account, positive. At most one per {@link #REFUND} entry of the refund.
   */
  REFUND_REVERSED,
  /**
   * A points coupon redeemed for the account: positive, credited as a payment is (unpaid bills
   * oldest first, the rest to the balance). Its reference is the redemption's request id; not a
   * payment, so the reconciliation of payments does not look at it.
   */
  COUPON,
  /** A bill charged to the account: negative. */
  BILL_CHARGE,
  /** A correction or an opening position, either sign. */
  ADJUSTMENT
}
