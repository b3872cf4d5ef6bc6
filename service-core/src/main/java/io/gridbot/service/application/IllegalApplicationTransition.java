package io.gridbot.service.application;

import io.gridbot.service.ServiceException;

/** The application's state and type do not allow the step; see {@link ApplicationState}. */
public class IllegalApplicationTransition extends ServiceException {

  private final ApplicationNo no;
  private final ApplicationState from;
  private final ApplicationState to;

  public IllegalApplicationTransition(
      ApplicationNo no, ApplicationType type, ApplicationState from, ApplicationState to) {
    super("application " + no + " (" + type + ") cannot go from " + from + " to " + to);
    this.no = no;
    this.from = from;
    this.to = to;
  }

  public ApplicationNo no() {
    return no;
  }

  public ApplicationState from() {
    return from;
  }

  public ApplicationState to() {
    return to;
  }

  @Override
  public String code() {
    return "application.illegal-transition";
  }
}
