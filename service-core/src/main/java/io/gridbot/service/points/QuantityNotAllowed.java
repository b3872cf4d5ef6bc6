package io.gridbot.service.points;

import io.gridbot.service.ServiceException;

/** A redemption asked for fewer than one or more than the allowed units of an item. */
public class QuantityNotAllowed extends ServiceException {

  private final int quantity;
  private final int max;

  public QuantityNotAllowed(int quantity, int max) {
    super("quantity must be 1 to " + max + ", got " + quantity);
    this.quantity = quantity;
    this.max = max;
  }

  public int quantity() {
    return quantity;
  }

  public int max() {
    return max;
  }

  @Override
  public String code() {
    return "points.quantity-not-allowed";
  }
}
