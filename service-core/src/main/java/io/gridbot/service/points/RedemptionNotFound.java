package io.gridbot.service.points;

import io.gridbot.service.ServiceException;

/** No redemption has the request id. */
public class RedemptionNotFound extends ServiceException {

  private final String requestId;

  public RedemptionNotFound(String requestId) {
    super("no redemption with request id " + requestId);
    this.requestId = requestId;
  }

  public String requestId() {
    return requestId;
  }

  @Override
  public String code() {
    return "points.redemption-not-found";
  }
}
