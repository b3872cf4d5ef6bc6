package io.gridbot.service.points;

/** What a catalogue item is. */
public enum ItemKind {
  /** A credit on the customer's next electricity bill; the redemption gets a coupon code. */
  COUPON,
  /** A physical gift handed over or sent by staff. */
  GIFT
}
