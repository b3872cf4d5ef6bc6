package io.gridbot.service.points;

import io.gridbot.service.ServiceException;

/** The redemption cannot move from its state to the requested one; see {@link RedemptionStatus}. */
public class RedemptionTransitionNotAllowed extends ServiceException {

  private final String requestId;
  private final RedemptionStatus from;
  private final RedemptionStatus to;

  public RedemptionTransitionNotAllowed(
      String requestId, RedemptionStatus from, RedemptionStatus to) {
    super("redemption " + requestId + " cannot go from " + from + " to " + to);
    this.requestId = requestId;
    this.from = from;
    this.to = to;
  }

  public String requestId() {
    return requestId;
  }

  public RedemptionStatus from() {
    return from;
  }

  public RedemptionStatus to() {
    return to;
  }

  @Override
  public String code() {
    return "points.redemption-transition-not-allowed";
  }
}
