package io.gridbot.service.handoff;

import io.gridbot.service.ServiceException;

/** No handoff has this id. */
public class HandoffNotFound extends ServiceException {

  public HandoffNotFound(long id) {
    super("handoff " + id + " not found");
  }

  @Override
  public String code() {
    return "handoff.not-found";
  }
}
