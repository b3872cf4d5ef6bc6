package io.gridbot.service.handoff;

import io.gridbot.service.ServiceException;

/** The handoff is no longer waiting: another agent claimed it, or it was closed. */
public class HandoffAlreadyTaken extends ServiceException {

  public HandoffAlreadyTaken(long id, HandoffState state) {
    super("handoff " + id + " is " + state + ", not waiting");
  }

  @Override
  public String code() {
    return "handoff.already-taken";
  }
}
