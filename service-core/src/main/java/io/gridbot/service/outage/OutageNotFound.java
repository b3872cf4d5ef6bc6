package io.gridbot.service.outage;

import io.gridbot.service.ServiceException;

/** There is no outage with this id. */
public class OutageNotFound extends ServiceException {

  private final long outageId;

  public OutageNotFound(long outageId) {
    super("outage " + outageId + " does not exist");
    this.outageId = outageId;
  }

  public long outageId() {
    return outageId;
  }

  @Override
  public String code() {
    return "outage.not-found";
  }
}
