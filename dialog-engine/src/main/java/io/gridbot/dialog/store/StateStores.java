package io.gridbot.dialog.store;

import java.time.Clock;

/**
 * In-memory stores for code outside Spring, e.g. other modules' unit tests. Applications get their
 * stores from {@link StateConfiguration}.
 */
public final class StateStores {

  private StateStores() {}

  /** A new, empty in-process {@link StateStore} whose entries expire by the system clock. */
  public static StateStore inMemoryStateStore() {
    return inMemoryStateStore(Clock.systemUTC());
  }

  /** A new, empty in-process {@link StateStore} whose entries expire by {@code clock}. */
  public static StateStore inMemoryStateStore(Clock clock) {
    return new InMemoryStateStore(clock);
  }

  /** A new in-process {@link LockStore} whose leases expire by the system clock. */
  public static LockStore inMemoryLockStore() {
    return inMemoryLockStore(Clock.systemUTC());
  }

  /**
   * A new in-process {@link LockStore} whose leases expire by {@code clock}; waiting for a lock
   * still takes real time.
   */
  public static LockStore inMemoryLockStore(Clock clock) {
    return new InMemoryLockStore(clock);
  }
}
