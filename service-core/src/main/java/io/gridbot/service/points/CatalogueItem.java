package io.gridbot.service.points;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Something points buy.
 *
 * @param code stable id, e.g. {@code BILL_COUPON_5}
 * @param name the Chinese name customers see
 * @param couponAmount for a {@link ItemKind#COUPON}, the yuan it takes off the next bill (scale 2,
 *     positive); null for a {@link ItemKind#GIFT}
 * @param cost points per unit, positive
 * @param stock units left; null when unlimited
 * @throws NullPointerException if code, name or kind is null
 * @throws IllegalArgumentException if cost, stock or coupon amount do not fit the kind
 */
public record CatalogueItem(
    String code,
    String name,
    ItemKind kind,
    BigDecimal couponAmount,
    int cost,
    Integer stock,
    boolean active) {

  public CatalogueItem {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    if (kind == ItemKind.COUPON) {
      Objects.requireNonNull(couponAmount, "couponAmount of a coupon");
      try {
        couponAmount = couponAmount.setScale(2, RoundingMode.UNNECESSARY);
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException("coupon amount must have at most two decimals", e);
      }
      if (couponAmount.signum() <= 0) {
        throw new IllegalArgumentException("a coupon must be worth more than 0: " + couponAmount);
      }
    } else if (couponAmount != null) {
      throw new IllegalArgumentException("a gift has no coupon amount: " + code);
    }
    if (cost <= 0) {
      throw new IllegalArgumentException("cost must be positive: " + cost);
    }
    if (stock != null && stock < 0) {
      throw new IllegalArgumentException("stock must not be negative: " + stock);
    }
  }

  /** Whether the stock is unlimited. */
  public boolean unlimited() {
    return stock == null;
  }
}
