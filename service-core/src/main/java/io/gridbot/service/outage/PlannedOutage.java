package io.gridbot.service.outage;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A planned outage as staff enter it.
 *
 * @param areas area-code prefixes, 1 to 50 of them, no duplicates
 * @param startsAt when the power goes off
 * @param endsAt when the power comes back; after {@code startsAt}
 * @param reason why, in Chinese as customers read it ("线路检修"), 1 to 500 characters, not blank
 * @throws IllegalArgumentException if a rule above is broken
 * @throws NullPointerException if a component is null
 */
public record PlannedOutage(List<AreaCode> areas, Instant startsAt, Instant endsAt, String reason) {

  public PlannedOutage {
    areas = Outages.checkAreas(areas);
    Objects.requireNonNull(startsAt, "startsAt");
    Objects.requireNonNull(endsAt, "endsAt");
    if (!endsAt.isAfter(startsAt)) {
      throw new IllegalArgumentException("a planned outage must end after it starts");
    }
    reason = Outages.checkReason(reason);
  }
}
