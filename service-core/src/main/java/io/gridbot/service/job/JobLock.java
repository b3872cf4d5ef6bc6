package io.gridbot.service.job;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A lock in the database ({@code job_lock}) so that a scheduled job runs on one instance at a time.
 * A runner takes the lock with a conditional UPDATE that only succeeds when {@code locked_until} is
 * in the past (the row is created first, if missing, with INSERT IGNORE); the database serialises
 * the UPDATEs, so of two concurrent runners exactly one gets it. The lock ends when its holder
 * releases it or, if the holder crashed, when {@code locked_until} passes. Clocks of instances are
 * assumed to agree within seconds.
 */
public interface JobLock {

  /**
   * Takes the lock for at most {@code ttl}.
   *
   * @return the lease, or empty if another runner holds the lock
   */
  Optional<Lease> tryAcquire(String name, Duration ttl);

  /** Ends the lease early; harmless if it already expired or was taken over. */
  void release(Lease lease);

  /**
   * Ends the lease, but keeps others out until {@code notBefore} if that is later (and within the
   * lease): an instance whose scheduler fires a little later than this one's does not run the same
   * scheduled job again.
   */
  default void release(Lease lease, Instant notBefore) {
    release(lease);
  }

  /**
   * Runs the job if the lock can be taken, then releases it.
   *
   * @return whether the job ran
   */
  default boolean runExclusively(String name, Duration ttl, Runnable job) {
    return runScheduled(name, ttl, Duration.ZERO, job);
  }

  /**
   * Runs a scheduled job if the lock can be taken, and keeps the lock at least {@code atLeast}
   * after it was taken (like ShedLock's lockAtLeastFor), so that instances whose clocks or
   * schedulers differ by less than that run it once between them.
   *
   * @return whether the job ran
   */
  default boolean runScheduled(String name, Duration ttl, Duration atLeast, Runnable job) {
    Instant started = Instant.now();
    Optional<Lease> lease = tryAcquire(name, ttl);
    if (lease.isEmpty()) {
      return false;
    }
    try {
      job.run();
      return true;
    } finally {
      release(lease.get(), started.plus(atLeast));
    }
  }

  /**
   * A held lock.
   *
   * @param holder a token unique to this lease
   */
  record Lease(String name, String holder, Instant until) {}
}
