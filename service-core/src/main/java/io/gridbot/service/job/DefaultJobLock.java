package io.gridbot.service.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/** Not transactional: each statement commits at once, so that other runners see the lock. */
@Service
class DefaultJobLock implements JobLock {

  private static final Logger log = LoggerFactory.getLogger(DefaultJobLock.class);
  private static final Instant FREE = Instant.parse("2000-01-01T00:00:00Z");

  private final JobLockMapper locks;
  private final Clock clock;

  DefaultJobLock(JobLockMapper locks, ObjectProvider<Clock> clock) {
    this.locks = locks;
    this.clock = clock.getIfUnique(Clock::systemUTC);
  }

  @Override
  public Optional<Lease> tryAcquire(String name, Duration ttl) {
    Objects.requireNonNull(name, "name");
    if (ttl == null || ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("a job lock needs a positive time to live, got " + ttl);
    }
    locks.insertIfAbsent(name, FREE);
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    String holder = UUID.randomUUID().toString();
    Instant until = now.plus(ttl);
    if (locks.acquire(name, holder, now, until) == 0) {
      log.debug("job {} is running elsewhere", name);
      return Optional.empty();
    }
    log.info("job lock {} taken until {}", name, until);
    return Optional.of(new Lease(name, holder, until));
  }

  @Override
  public void release(Lease lease) {
    locks.release(lease.name(), lease.holder(), clock.instant().truncatedTo(ChronoUnit.SECONDS));
  }

  @Override
  public void release(Lease lease, Instant notBefore) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant until = notBefore.isAfter(now) ? notBefore : now;
    if (until.isAfter(lease.until())) {
      until = lease.until();
    }
    locks.release(lease.name(), lease.holder(), until);
  }
}
