package io.gridbot.service.points;

import io.gridbot.service.ServiceException;

/** No active catalogue item has the code. */
public class PointsItemNotFound extends ServiceException {

  private final String itemCode;

  public PointsItemNotFound(String itemCode) {
    super("no active points item " + itemCode);
    this.itemCode = itemCode;
  }

  public String itemCode() {
    return itemCode;
  }

  @Override
  public String code() {
    return "points.item-not-found";
  }
}
