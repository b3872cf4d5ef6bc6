package io.gridbot.service.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(
    properties = {
      "gridbot.notifications.consume=false",
      "logging.level.io.gridbot.service=info",
      "spring.datasource.hikari.maximum-pool-size=12"
    })
@ActiveProfiles("it")
class JobLockIT {

  @Autowired JobLock locks;
  @Autowired JdbcTemplate jdbc;

  @Test
  void of_two_concurrent_runners_exactly_one_gets_the_lock() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 10; round++) {
        // given a job that has never run, or one whose lock row exists
        String name = "test-job-" + UUID.randomUUID();
        if (round % 2 == 1) {
          locks.release(locks.tryAcquire(name, Duration.ofMinutes(1)).orElseThrow());
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<JobLock.Lease>>> runners = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
          runners.add(
              pool.submit(
                  () -> {
                    start.await();
                    return locks.tryAcquire(name, Duration.ofMinutes(5));
                  }));
        }

        // when
        start.countDown();
        int acquired = 0;
        for (Future<Optional<JobLock.Lease>> runner : runners) {
          acquired += runner.get(30, TimeUnit.SECONDS).isPresent() ? 1 : 0;
        }

        // then
        assertThat(acquired).as("round %d", round).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void a_running_job_keeps_others_out_until_it_releases() {
    // given
    String name = "test-job-" + UUID.randomUUID();
    boolean[] inner = {true};

    // when
    boolean ran =
        locks.runExclusively(
            name,
            Duration.ofMinutes(5),
            () -> inner[0] = locks.runExclusively(name, Duration.ofMinutes(5), () -> {}));

    // then
    assertThat(ran).isTrue();
    assertThat(inner[0]).isFalse();
    assertThat(locks.runExclusively(name, Duration.ofMinutes(5), () -> {})).isTrue();
  }

  @Test
  void a_scheduled_job_keeps_its_lock_at_least_the_minimum_so_a_late_instance_does_not_rerun_it() {
    // given
    String name = "test-job-" + UUID.randomUUID();
    int[] runs = {0};

    // when one instance runs it and another fires a moment later
    boolean first =
        locks.runScheduled(name, Duration.ofMinutes(5), Duration.ofSeconds(30), () -> runs[0]++);
    boolean late =
        locks.runScheduled(name, Duration.ofMinutes(5), Duration.ofSeconds(30), () -> runs[0]++);

    // then it ran once
    assertThat(first).isTrue();
    assertThat(late).isFalse();
    assertThat(runs[0]).isEqualTo(1);

    // when the minimum has passed
    jdbc.update(
        "UPDATE job_lock SET locked_until = ? WHERE name = ?",
        java.sql.Timestamp.from(Instant.now().minus(1, ChronoUnit.SECONDS)),
        name);

    // then the next run goes ahead
    assertThat(
            locks.runScheduled(
                name, Duration.ofMinutes(5), Duration.ofSeconds(30), () -> runs[0]++))
        .isTrue();
    assertThat(runs[0]).isEqualTo(2);
  }

  @Test
  void the_minimum_hold_never_outlasts_the_lease() {
    // given
    String name = "test-job-" + UUID.randomUUID();
    JobLock.Lease lease = locks.tryAcquire(name, Duration.ofMinutes(1)).orElseThrow();

    // when
    locks.release(lease, Instant.now().plus(Duration.ofHours(3)));

    // then
    Instant until =
        jdbc.queryForObject(
                "SELECT locked_until FROM job_lock WHERE name = ?", java.sql.Timestamp.class, name)
            .toInstant();
    assertThat(until).isBeforeOrEqualTo(lease.until());
  }

  @Test
  void the_lock_of_a_crashed_runner_expires() {
    // given a lock taken by a runner that never released it and whose time is up
    String name = "test-job-" + UUID.randomUUID();
    locks.tryAcquire(name, Duration.ofMinutes(5)).orElseThrow();
    assertThat(locks.tryAcquire(name, Duration.ofMinutes(5))).isEmpty();
    jdbc.update(
        "UPDATE job_lock SET locked_until = ? WHERE name = ?",
        java.sql.Timestamp.from(Instant.now().minus(1, ChronoUnit.MINUTES)),
        name);

    // when
    Optional<JobLock.Lease> lease = locks.tryAcquire(name, Duration.ofMinutes(5));

    // then
    assertThat(lease).isPresent();
    assertThat(
            jdbc.queryForObject(
                "SELECT locked_by FROM job_lock WHERE name = ?", String.class, name))
        .isEqualTo(lease.get().holder());
  }
}
