package io.gridbot.dialog.store;

import java.time.Duration;

/**
 * Mutual exclusion across all server instances, e.g. one message at a time per conversation.
 *
 * <p>A lock is held for a lease: if its holder dies, the lock frees itself when the lease runs out.
 * Releasing is safe: a holder whose lease expired and was taken by someone else cannot release the
 * new holder's lock.
 */
public interface LockStore {

  /**
   * Takes the lock named {@code key}, waiting up to {@code waitTimeout} for a current holder to
   * release it.
   *
   * @param lease how long the lock stays held if it is never released
   * @param waitTimeout how long to wait for the lock; zero means try once
   * @return the held lock; close it to release
   * @throws LockTimeout when the lock could not be taken within {@code waitTimeout}
   * @throws StateUnavailable when the backing store cannot be reached
   */
  Lease acquire(String key, Duration lease, Duration waitTimeout);

  /** A held lock. Closing it releases the lock if this holder still owns it. */
  interface Lease extends AutoCloseable {

    String key();

    /**
     * Releases the lock.
     *
     * @return true when this holder still owned the lock and released it, false when its lease had
     *     expired (and perhaps another holder took it)
     */
    boolean release();

    @Override
    default void close() {
      release();
    }
  }
}
