package io.gridbot.dialog.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.gridbot.dialog.store.LockStore.Lease;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link StateStore} and {@link LockStore} implementation must do. A subclass supplies
 * fresh, empty stores for each test; the tests use real time with short time-to-lives.
 */
abstract class StateStoreContract {

  static final Duration SHORT = Duration.ofMillis(150);
  static final Duration LONG = Duration.ofMinutes(10);
  static final Duration NO_WAIT = Duration.ZERO;

  private final ExecutorService threads = Executors.newCachedThreadPool();

  /** The state store under test, empty at the start of each test. */
  abstract StateStore stateStore();

  /** The lock store under test, without locks at the start of each test. */
  abstract LockStore lockStore();

  @AfterEach
  void stopThreads() throws InterruptedException {
    threads.shutdownNow();
    assertThat(threads.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
  }

  // --- state ---

  @Test
  void getOfAMissingKeyIsEmpty() {
    // given an empty store
    // when / then
    assertThat(stateStore().get("conv:never-written")).isEmpty();
    assertThat(stateStore().ttl("conv:never-written")).isEmpty();
  }

  @Test
  void putThenGetReturnsTheValueIncludingChineseText() {
    // given
    String json = "{\"reply\":\"您好，请问您的户号是多少？⚡\",\"slots\":{\"户号\":\"3302123490\"}}";
    stateStore().put("conv:1", json, LONG);
    stateStore().put("conv:2", "other", LONG);

    // when / then
    assertThat(stateStore().get("conv:1")).contains(json);
    assertThat(stateStore().get("conv:2")).contains("other");
  }

  @Test
  void putReplacesTheValueAndItsTimeToLive() {
    // given
    stateStore().put("conv:1", "old", SHORT);

    // when
    stateStore().put("conv:1", "new", LONG);

    // then
    assertThat(stateStore().get("conv:1")).contains("new");
    assertThat(stateStore().ttl("conv:1"))
        .hasValueSatisfying(ttl -> assertThat(ttl).isGreaterThan(SHORT));
  }

  @Test
  void valueExpiresAfterItsTimeToLive() {
    // given
    stateStore().put("conv:1", "soon gone", SHORT);
    stateStore().put("conv:2", "stays", LONG);
    assertThat(stateStore().get("conv:1")).contains("soon gone");

    // when the time to live passes / then
    awaitExpiry("conv:1");
    assertThat(stateStore().get("conv:2")).contains("stays");
  }

  @Test
  void putIfAbsentStoresOnlyWhenTheKeyHoldsNothing() {
    // given / when / then
    assertThat(stateStore().putIfAbsent("msg:42", "first", SHORT)).isTrue();
    assertThat(stateStore().putIfAbsent("msg:42", "second", LONG)).isFalse();
    assertThat(stateStore().get("msg:42")).contains("first");

    awaitExpiry("msg:42");
    assertThat(stateStore().putIfAbsent("msg:42", "third", LONG)).isTrue();
    assertThat(stateStore().get("msg:42")).contains("third");
  }

  @Test
  void incrementCountsFromOneAndKeepsTheFirstTimeToLive() {
    // given / when
    assertThat(stateStore().increment("rate:user-1", SHORT)).isEqualTo(1);
    assertThat(stateStore().increment("rate:user-1", LONG)).isEqualTo(2);
    assertThat(stateStore().increment("rate:user-1", LONG)).isEqualTo(3);

    // then the later, longer time to live did not replace the first
    assertThat(stateStore().ttl("rate:user-1"))
        .hasValueSatisfying(ttl -> assertThat(ttl).isPositive().isLessThanOrEqualTo(SHORT));
    assertThat(stateStore().get("rate:user-1")).contains("3");
    awaitExpiry("rate:user-1");
    assertThat(stateStore().increment("rate:user-1", LONG)).isEqualTo(1);
  }

  @Test
  void incrementOfAValueThatIsNotACounterFails() {
    // given
    stateStore().put("conv:1", "{\"not\":\"a number\"}", LONG);

    // when / then
    assertThatThrownBy(() -> stateStore().increment("conv:1", LONG))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("conv:1");
    assertThat(stateStore().get("conv:1")).contains("{\"not\":\"a number\"}");
  }

  @Test
  void ttlReportsTheRemainingTime() {
    // given
    stateStore().put("conv:1", "v", Duration.ofSeconds(10));

    // when
    Duration remaining = stateStore().ttl("conv:1").orElseThrow();

    // then
    assertThat(remaining).isBetween(Duration.ofSeconds(9), Duration.ofSeconds(10));
  }

  @Test
  void deleteRemovesTheKeyAndToleratesAMissingOne() {
    // given
    stateStore().put("conv:1", "v", LONG);
    stateStore().put("conv:2", "kept", LONG);

    // when
    stateStore().delete("conv:1");
    stateStore().delete("conv:never-written");

    // then
    assertThat(stateStore().get("conv:1")).isEmpty();
    assertThat(stateStore().ttl("conv:1")).isEmpty();
    assertThat(stateStore().get("conv:2")).contains("kept");
  }

  @Test
  void rejectsTimeToLivesThatAreNotPositive() {
    assertThatThrownBy(() -> stateStore().put("conv:1", "v", Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> stateStore().increment("conv:1", Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(stateStore().get("conv:1")).isEmpty();
  }

  @Test
  void pingAnswers() {
    stateStore().ping();
  }

  @Test
  void putIfAbsentRacedByManyThreadsHasExactlyOneWinnerPerKey() throws Exception {
    // given racers that all try the same keys in the same order
    int racers = 8;
    int keys = 1000;
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<Integer>>> wonByRacer = new ArrayList<>();
    for (int r = 0; r < racers; r++) {
      String racer = "racer-" + r;
      wonByRacer.add(
          threads.submit(
              () -> {
                start.await();
                List<Integer> won = new ArrayList<>();
                for (int k = 0; k < keys; k++) {
                  if (stateStore().putIfAbsent("msg:" + k, racer, LONG)) {
                    won.add(k);
                  }
                }
                return won;
              }));
    }

    // when
    start.countDown();

    // then every key has one winner, and holds its value
    int[] winners = new int[keys];
    for (int r = 0; r < racers; r++) {
      for (int k : wonByRacer.get(r).get(10, TimeUnit.SECONDS)) {
        winners[k]++;
        assertThat(stateStore().get("msg:" + k)).contains("racer-" + r);
      }
    }
    assertThat(winners).containsOnly(1);
  }

  // --- locks ---

  @Test
  void aHeldLockExcludesASecondAcquirer() {
    // given
    Lease held = lockStore().acquire("conv:1", LONG, NO_WAIT);
    assertThat(held.key()).isEqualTo("conv:1");

    // when / then
    assertThatThrownBy(() -> lockStore().acquire("conv:1", LONG, NO_WAIT))
        .isInstanceOfSatisfying(
            LockTimeout.class, timeout -> assertThat(timeout.key()).isEqualTo("conv:1"));
    assertThatThrownBy(() -> lockStore().acquire("conv:1", LONG, Duration.ofMillis(50)))
        .isInstanceOf(LockTimeout.class);
  }

  @Test
  void locksOfDifferentKeysAreIndependentOfEachOtherAndOfTheState() {
    // given
    lockStore().acquire("conv:1", LONG, NO_WAIT);

    // when / then
    assertThat(lockStore().acquire("conv:2", LONG, NO_WAIT).key()).isEqualTo("conv:2");
    assertThat(stateStore().get("conv:1")).isEmpty();
    assertThat(stateStore().putIfAbsent("conv:1", "state", LONG)).isTrue();
  }

  @Test
  void releaseFreesTheLockOnlyOnce() {
    // given
    Lease held = lockStore().acquire("conv:1", LONG, NO_WAIT);

    // when / then
    assertThat(held.release()).isTrue();
    Lease next = lockStore().acquire("conv:1", LONG, NO_WAIT);
    assertThat(held.release()).isFalse();
    assertThatThrownBy(() -> lockStore().acquire("conv:1", LONG, NO_WAIT))
        .isInstanceOf(LockTimeout.class);
    next.close();
    lockStore().acquire("conv:1", LONG, NO_WAIT).close();
  }

  @Test
  void aWaitingAcquirerGetsTheLockOnceTheHolderReleasesIt() throws Exception {
    // given
    Lease first = lockStore().acquire("conv:1", LONG, NO_WAIT);
    CompletableFuture<Lease> second =
        CompletableFuture.supplyAsync(
            () -> lockStore().acquire("conv:1", LONG, Duration.ofSeconds(5)), threads);
    Thread.sleep(100);
    assertThat(second).isNotDone();

    // when
    long releasedAt = System.nanoTime();
    assertThat(first.release()).isTrue();

    // then
    Lease taken = second.get(1, TimeUnit.SECONDS);
    assertThat(Duration.ofNanos(System.nanoTime() - releasedAt)).isLessThan(Duration.ofSeconds(1));
    assertThat(taken.release()).isTrue();
  }

  @Test
  void aLockWhoseLeaseExpiredCanBeTakenByAnother() {
    // given
    lockStore().acquire("conv:1", SHORT, NO_WAIT);
    long start = System.nanoTime();

    // when
    Lease taken = lockStore().acquire("conv:1", LONG, Duration.ofSeconds(3));

    // then it waited for the lease, not for the 3 s wait timeout
    Duration waited = Duration.ofNanos(System.nanoTime() - start);
    assertThat(waited).isBetween(SHORT.minusMillis(30), Duration.ofSeconds(2));
    assertThat(taken.release()).isTrue();
  }

  @Test
  void aStaleHolderCannotReleaseTheNewHoldersLock() {
    // given a holder whose lease expired and a new holder
    Lease stale = lockStore().acquire("conv:1", SHORT, NO_WAIT);
    Lease current = lockStore().acquire("conv:1", LONG, Duration.ofSeconds(3));

    // when
    boolean released = stale.release();

    // then
    assertThat(released).isFalse();
    assertThatThrownBy(() -> lockStore().acquire("conv:1", LONG, NO_WAIT))
        .isInstanceOf(LockTimeout.class);
    assertThat(current.release()).isTrue();
  }

  @Test
  void theLockMakesReadModifyWriteOfSharedStateExclusive() throws Exception {
    // given
    int workers = 8;
    int incrementsEach = 50;
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      done.add(
          threads.submit(
              () -> {
                start.await();
                for (int i = 0; i < incrementsEach; i++) {
                  try (Lease lease =
                      lockStore()
                          .acquire("counter", Duration.ofSeconds(10), Duration.ofSeconds(10))) {
                    int seen = stateStore().get("counter").map(Integer::parseInt).orElse(0);
                    Thread.yield(); // widen the window a missing exclusion would lose updates in
                    stateStore().put("counter", Integer.toString(seen + 1), LONG);
                  }
                }
                return null;
              }));
    }

    // when
    start.countDown();
    for (Future<?> worker : done) {
      worker.get(30, TimeUnit.SECONDS);
    }

    // then
    assertThat(stateStore().get("counter")).contains(Integer.toString(workers * incrementsEach));
  }

  @Test
  void rejectsLeasesThatAreNotPositiveAndNegativeWaits() {
    assertThatThrownBy(() -> lockStore().acquire("conv:1", Duration.ZERO, NO_WAIT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> lockStore().acquire("conv:1", LONG, Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    lockStore().acquire("conv:1", LONG, NO_WAIT).close();
  }

  private void awaitExpiry(String key) {
    await()
        .atMost(Duration.ofSeconds(2))
        .pollInterval(Duration.ofMillis(10))
        .until(() -> stateStore().get(key).isEmpty());
  }
}
