package io.gridbot.service.points;

import io.gridbot.service.ServiceException;
import io.gridbot.service.account.AccountNo;

/**
 * A reference or request id was already used for something else (another account, item or
 * quantity); references must identify one business event. Nothing was written.
 */
public class PointsReferenceConflict extends ServiceException {

  private final String reference;

  public PointsReferenceConflict(String reference, AccountNo accountNo) {
    super(
        "reference "
            + reference
            + " was already used for something else than this request of account "
            + accountNo.masked());
    this.reference = reference;
  }

  public String reference() {
    return reference;
  }

  @Override
  public String code() {
    return "points.reference-conflict";
  }
}
