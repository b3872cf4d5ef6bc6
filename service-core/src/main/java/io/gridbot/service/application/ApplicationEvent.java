package io.gridbot.service.application;

import java.time.Instant;
import java.util.Objects;

/**
 * One step of an application's history.
 *
 * @param state the state it reached
 * @param note the rejection reason for REJECTED; null otherwise
 * @param at when (UTC, milliseconds)
 */
public record ApplicationEvent(ApplicationState state, String note, Instant at) {

  public ApplicationEvent {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(at, "at");
  }
}
