package io.gridbot.service.outage;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An outage and the areas it covers.
 *
 * @param areas the area-code prefixes it covers, never empty
 * @param reason why, in Chinese as customers read it
 * @param startsAt when the power goes (planned) or went (unplanned) off
 * @param expectedEnd when the power is expected back; null for an unplanned outage without an
 *     estimate yet; never null for a planned one
 * @param etaRevision how often the estimate was changed since the outage was opened; 0 at first
 * @param restoredAt when the power came back; null unless {@link OutageState#RESTORED}
 */
public record Outage(
    long id,
    OutageKind kind,
    OutageState state,
    List<AreaCode> areas,
    String reason,
    Instant startsAt,
    Instant expectedEnd,
    int etaRevision,
    Instant restoredAt) {

  public Outage {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(state, "state");
    areas = List.copyOf(areas);
    if (areas.isEmpty()) {
      throw new IllegalArgumentException("an outage covers at least one area");
    }
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(startsAt, "startsAt");
  }

  /** Whether one of its areas covers {@code area}. */
  public boolean covers(AreaCode area) {
    return areas.stream().anyMatch(prefix -> prefix.covers(area));
  }
}
