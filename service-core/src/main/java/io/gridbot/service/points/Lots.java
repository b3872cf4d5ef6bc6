package io.gridbot.service.points;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * FIFO consumption of earned lots. Spending takes from the lot that expires first (the oldest id
 * first among lots that expire together) until the amount is covered. Pure: no I/O.
 */
final class Lots {

  /**
   * An earned lot with unspent points.
   *
   * @param remaining unspent points, 0 to the lot's delta
   */
  record Lot(long id, int remaining, Instant expiresAt) {}

  private Lots() {}

  /**
   * The lots whose remaining changes when {@code points} are spent, with their new remaining.
   *
   * @param lots the account's lots with unspent points, in FIFO order (see {@link
   *     PointsMapper#lockOpenLots})
   * @param points how much to spend, at least 1
   * @throws IllegalStateException if the lots hold fewer points, which means the ledger and the
   *     balance disagree
   */
  static List<Lot> consume(List<Lot> lots, int points) {
    if (points < 1) {
      throw new IllegalArgumentException("points to consume must be positive: " + points);
    }
    List<Lot> changed = new ArrayList<>();
    int left = points;
    for (Lot lot : lots) {
      if (left == 0) {
        break;
      }
      int taken = Math.min(left, lot.remaining());
      if (taken > 0) {
        changed.add(new Lot(lot.id(), lot.remaining() - taken, lot.expiresAt()));
        left -= taken;
      }
    }
    if (left > 0) {
      throw new IllegalStateException(
          "lots hold " + (points - left) + " points, " + points + " were to be consumed");
    }
    return changed;
  }
}
