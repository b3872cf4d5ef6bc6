package io.gridbot.app.staff;

import io.gridbot.service.job.JobLock;
import io.gridbot.service.tag.TagService;
import java.time.Duration;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Recomputes every account's tags in the background on staff's request. It takes the same database
 * job lock as the nightly recomputation, in the request, so that staff learn at once when one is
 * running already (on any instance) and two never run at the same time.
 */
@Component
class TagRecompute {

  /** The job lock's name; the nightly job (io.gridbot.app.jobs.ServiceJobs) uses the same. */
  static final String LOCK = "tag-recompute";

  static final Duration LEASE = Duration.ofHours(2);

  private static final Logger log = LoggerFactory.getLogger(TagRecompute.class);

  private final TagService tags;
  private final JobLock lock;
  private final Executor executor;

  @Autowired
  TagRecompute(TagService tags, JobLock lock) {
    this(tags, lock, daemonThreads());
  }

  TagRecompute(TagService tags, JobLock lock, Executor executor) {
    this.tags = tags;
    this.lock = lock;
    this.executor = executor;
  }

  /**
   * Starts recomputing all tags and returns at once.
   *
   * @throws RecomputeAlreadyRunning if a recomputation holds the lock
   */
  void start(String staffId) {
    JobLock.Lease lease = lock.tryAcquire(LOCK, LEASE).orElseThrow(RecomputeAlreadyRunning::new);
    try {
      executor.execute(() -> recompute(lease, staffId));
    } catch (RuntimeException rejected) {
      lock.release(lease);
      throw rejected;
    }
    log.info("staff {} started recomputing all customer tags", staffId);
  }

  private void recompute(JobLock.Lease lease, String staffId) {
    try {
      log.info("customer tags recomputed for {} accounts (staff {})", tags.recomputeAll(), staffId);
    } catch (RuntimeException e) {
      log.error("recomputing customer tags for staff {} failed", staffId, e);
    } finally {
      lock.release(lease);
    }
  }

  private static Executor daemonThreads() {
    SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("tag-recompute-");
    executor.setDaemon(true);
    return executor;
  }
}
