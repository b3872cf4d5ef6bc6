package io.gridbot.service.outage;

import io.gridbot.service.ServiceException;
import java.time.Instant;

/**
 * A planned outage cannot be announced once its start has passed: customers would be told of a cut
 * "ahead" that has already begun. Cancel it and open an unplanned outage if the power is off.
 */
public class OutageAlreadyStarted extends ServiceException {

  public OutageAlreadyStarted(long outageId, Instant startsAt) {
    super(
        "outage "
            + outageId
            + " was planned to start at "
            + startsAt
            + ", which has passed: cancel it, and open an unplanned outage if the power is off");
  }

  @Override
  public String code() {
    return "outage.already-started";
  }
}
