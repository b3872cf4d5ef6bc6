package io.gridbot.service.points;

import io.gridbot.service.ServiceException;

/** The item has fewer units left than were asked for; nothing was taken. */
public class PointsItemOutOfStock extends ServiceException {

  private final String itemCode;
  private final int requested;

  public PointsItemOutOfStock(String itemCode, int requested) {
    super("points item " + itemCode + " has fewer than " + requested + " units left");
    this.itemCode = itemCode;
    this.requested = requested;
  }

  public String itemCode() {
    return itemCode;
  }

  public int requested() {
    return requested;
  }

  @Override
  public String code() {
    return "points.out-of-stock";
  }
}
