package io.gridbot.dialog.store;

import java.time.Clock;
import java.util.Objects;

/** The stores of one configured backend, and what must be closed with them. */
final class StateBackend implements AutoCloseable {

  private final StateStore stateStore;
  private final LockStore lockStore;
  private final AutoCloseable resources;

  private StateBackend(StateStore stateStore, LockStore lockStore, AutoCloseable resources) {
    this.stateStore = stateStore;
    this.lockStore = lockStore;
    this.resources = resources;
  }

  static StateBackend of(StateSettings settings) {
    Objects.requireNonNull(settings, "settings");
    return switch (settings.type()) {
      case MEMORY -> inMemory(Clock.systemUTC());
      case REDIS -> redis(new RedisConnector(settings.redis()), settings.keyPrefix());
    };
  }

  static StateBackend inMemory(Clock clock) {
    return new StateBackend(new InMemoryStateStore(clock), new InMemoryLockStore(clock), () -> {});
  }

  /** Stores on {@code connector}, which the backend closes. */
  static StateBackend redis(RedisConnector connector, String keyPrefix) {
    return new StateBackend(
        new RedisStateStore(connector, keyPrefix),
        new RedisLockStore(connector, keyPrefix),
        connector);
  }

  StateStore stateStore() {
    return stateStore;
  }

  LockStore lockStore() {
    return lockStore;
  }

  @Override
  public void close() throws Exception {
    resources.close();
  }
}
