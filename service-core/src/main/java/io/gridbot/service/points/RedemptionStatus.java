package io.gridbot.service.points;

import java.util.Set;

/**
 * Where a redemption stands.
 *
 * <pre>
 *   ISSUED ──use──────▶ USED        (the coupon's amount was credited to the account, the gift was
 *      │                             handed over)
 *      └─────cancel───▶ CANCELLED   (points refunded, stock put back)
 * </pre>
 *
 * USED and CANCELLED are final. A redemption is ISSUED as soon as the points are taken; a coupon is
 * used in the same transaction, so a redeemed coupon cannot be cancelled.
 */
public enum RedemptionStatus {
  ISSUED,
  USED,
  CANCELLED;

  /** Whether a redemption in this state may move to {@code next}. */
  public boolean canBecome(RedemptionStatus next) {
    return this == ISSUED && Set.of(USED, CANCELLED).contains(next);
  }
}
