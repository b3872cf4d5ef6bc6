package io.gridbot.service.outage;

import io.gridbot.service.ServiceException;

/** The outage's state machine ({@link OutageState}) has no edge from its state to the target. */
public class OutageTransitionNotAllowed extends ServiceException {

  private final long outageId;
  private final OutageState from;
  private final OutageState to;

  public OutageTransitionNotAllowed(long outageId, OutageState from, OutageState to) {
    super("outage " + outageId + " cannot move from " + from + " to " + to);
    this.outageId = outageId;
    this.from = from;
    this.to = to;
  }

  public long outageId() {
    return outageId;
  }

  public OutageState from() {
    return from;
  }

  public OutageState to() {
    return to;
  }

  @Override
  public String code() {
    return "outage.transition-not-allowed";
  }
}
