package io.gridbot.service.handoff;

import io.gridbot.service.ServiceException;
import io.gridbot.service.outage.StaffId;

/** Only the agent holding a handoff may answer in it or release it. */
public class HandoffNotHeldByStaff extends ServiceException {

  public HandoffNotHeldByStaff(long id, StaffId staff, HandoffState state) {
    super("handoff " + id + " (" + state + ") is not held by " + staff);
  }

  @Override
  public String code() {
    return "handoff.holder-conflict";
  }
}
