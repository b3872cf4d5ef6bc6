package io.gridbot.app.staff;

import io.gridbot.service.ServiceException;

/** A recomputation of all tags is running already (started by staff or the nightly job). */
class RecomputeAlreadyRunning extends ServiceException {

  RecomputeAlreadyRunning() {
    super("the customer tags are being recomputed already");
  }

  @Override
  public String code() {
    return "tag.already-recomputing";
  }
}
