package io.gridbot.app;

import io.gridbot.dialog.store.StateStore;
import io.gridbot.dialog.store.StateUnavailable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Health of the shared state store (Redis in production): up when it answers a ping. */
@Component("sharedState")
class StateStoreHealthIndicator implements HealthIndicator {

  private final StateStore state;

  StateStoreHealthIndicator(StateStore state) {
    this.state = state;
  }

  @Override
  public Health health() {
    try {
      state.ping();
      return Health.up().withDetail("store", state.getClass().getSimpleName()).build();
    } catch (StateUnavailable e) {
      return Health.down().withDetail("error", e.getMessage()).build();
    }
  }
}
