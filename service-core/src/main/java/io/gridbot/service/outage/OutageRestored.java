package io.gridbot.service.outage;

import java.time.Instant;
import java.util.Objects;

/**
 * An outage was restored, published once per outage (a Spring application event, inside the
 * restoring transaction) so that other areas can close what the outage caused, e.g. the repair
 * tickets linked to it. A listener that throws rolls the restore back.
 *
 * @param outageId the restored outage
 * @param by who restored it
 * @param at when it was restored (the outage's {@code restoredAt})
 */
public record OutageRestored(long outageId, StaffId by, Instant at) {

  public OutageRestored {
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(at, "at");
  }
}
