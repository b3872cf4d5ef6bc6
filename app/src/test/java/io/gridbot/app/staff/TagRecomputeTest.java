package io.gridbot.app.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.service.job.JobLock;
import io.gridbot.service.tag.TagService;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TagRecomputeTest {

  private final AtomicInteger recomputed = new AtomicInteger();
  private final TagService tags =
      (TagService)
          Proxy.newProxyInstance(
              TagService.class.getClassLoader(),
              new Class<?>[] {TagService.class},
              (proxy, method, args) -> {
                if (method.getName().equals("recomputeAll")) {
                  return recomputed.incrementAndGet();
                }
                throw new UnsupportedOperationException(method.getName());
              });

  /** A lock held by nobody at first; tasks queue up until {@code runQueued}. */
  private final FakeLock lock = new FakeLock();

  private final List<Runnable> queued = new ArrayList<>();
  private final Executor later = queued::add;

  @Test
  void recomputesInTheBackgroundUnderTheJobLockAndReleasesIt() {
    TagRecompute recompute = new TagRecompute(tags, lock, later);

    // when staff start it
    recompute.start("staff");

    // then the lock is taken in the request, the work runs later and releases it
    assertThat(lock.held).isTrue();
    assertThat(recomputed).hasValue(0);
    queued.forEach(Runnable::run);
    assertThat(recomputed).hasValue(1);
    assertThat(lock.held).isFalse();
    assertThat(lock.names).containsOnly(TagRecompute.LOCK);
  }

  @Test
  void aSecondStartWhileRunningIsRefused() {
    TagRecompute recompute = new TagRecompute(tags, lock, later);
    recompute.start("staff");

    assertThatThrownBy(() -> recompute.start("staff")).isInstanceOf(RecomputeAlreadyRunning.class);
    assertThat(queued).hasSize(1);
  }

  @Test
  void aRejectedTaskReleasesTheLock() {
    TagRecompute recompute =
        new TagRecompute(
            tags,
            lock,
            task -> {
              throw new IllegalStateException("full");
            });

    assertThatThrownBy(() -> recompute.start("staff")).isInstanceOf(IllegalStateException.class);
    assertThat(lock.held).isFalse();
  }

  private static final class FakeLock implements JobLock {
    boolean held;
    final List<String> names = new ArrayList<>();

    @Override
    public Optional<Lease> tryAcquire(String name, Duration ttl) {
      names.add(name);
      if (held) {
        return Optional.empty();
      }
      held = true;
      return Optional.of(new Lease(name, "me", Instant.now().plus(ttl)));
    }

    @Override
    public void release(Lease lease) {
      held = false;
    }
  }
}
