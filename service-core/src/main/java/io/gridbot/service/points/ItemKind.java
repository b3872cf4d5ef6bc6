package io.gridbot.service.points;

/** What a catalogue item is. */
public enum ItemKind {
  /**
   * Money for electricity: redeeming it credits its amount to the account through the ledger
   * (unpaid bills first, the rest prepaid); the redemption gets a coupon code and is used at once.
   */
  COUPON,
  /** A physical gift handed over or sent by staff. */
  GIFT
}
