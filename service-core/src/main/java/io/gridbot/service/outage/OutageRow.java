package io.gridbot.service.outage;

import java.time.Instant;
import java.util.List;

/** An outage row without its areas. */
record OutageRow(
    long id,
    OutageKind kind,
    OutageState state,
    String reason,
    Instant startsAt,
    Instant expectedEnd,
    int etaRevision,
    Instant restoredAt) {

  Outage withAreas(List<String> areas) {
    return new Outage(
        id,
        kind,
        state,
        areas.stream().map(AreaCode::new).toList(),
        reason,
        startsAt,
        expectedEnd,
        etaRevision,
        restoredAt);
  }
}
