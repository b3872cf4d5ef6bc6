package io.gridbot.dialog.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.dialog.store.LockStore.Lease;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Expiry of the in-memory stores, driven by a clock the test moves: exact and without sleeps. */
class InMemoryExpiryTest {

  private static final Duration SWEEP = Duration.ofMinutes(1);

  private final MutableClock clock = new MutableClock();
  private final InMemoryStateStore state = new InMemoryStateStore(clock, SWEEP);
  private final InMemoryLockStore locks = new InMemoryLockStore(clock, SWEEP);

  @Test
  void aValueLivesExactlyItsTimeToLive() {
    // given
    state.put("conv:1", "v", Duration.ofSeconds(10));

    // when / then
    clock.advance(Duration.ofMillis(9_999));
    assertThat(state.get("conv:1")).contains("v");
    assertThat(state.ttl("conv:1")).contains(Duration.ofMillis(1));
    clock.advance(Duration.ofMillis(1));
    assertThat(state.get("conv:1")).isEmpty();
    assertThat(state.ttl("conv:1")).isEmpty();
  }

  @Test
  void ttlCountsDown() {
    state.put("conv:1", "v", Duration.ofSeconds(10));

    clock.advance(Duration.ofSeconds(4));

    assertThat(state.ttl("conv:1")).contains(Duration.ofSeconds(6));
  }

  @Test
  void putIfAbsentTakesTheKeyOfAnExpiredValue() {
    state.putIfAbsent("msg:1", "first", Duration.ofSeconds(5));
    clock.advance(Duration.ofSeconds(4));
    assertThat(state.putIfAbsent("msg:1", "second", Duration.ofSeconds(5))).isFalse();

    clock.advance(Duration.ofSeconds(1));

    assertThat(state.putIfAbsent("msg:1", "third", Duration.ofSeconds(5))).isTrue();
    assertThat(state.get("msg:1")).contains("third");
  }

  @Test
  void aCounterKeepsItsFirstExpiryAndRestartsAfterIt() {
    // given
    state.increment("rate:1", Duration.ofSeconds(10));
    clock.advance(Duration.ofSeconds(5));

    // when
    long counted = state.increment("rate:1", Duration.ofHours(1));

    // then
    assertThat(counted).isEqualTo(2);
    assertThat(state.ttl("rate:1")).contains(Duration.ofSeconds(5));
    clock.advance(Duration.ofSeconds(5));
    assertThat(state.increment("rate:1", Duration.ofHours(1))).isEqualTo(1);
    assertThat(state.ttl("rate:1")).contains(Duration.ofHours(1));
  }

  @Test
  void aSubMillisecondTimeToLiveLastsOneMillisecond() {
    state.put("conv:1", "v", Duration.ofNanos(1));

    assertThat(state.ttl("conv:1")).contains(Duration.ofMillis(1));
  }

  @Test
  void theSweepDropsExpiredValuesNobodyReadsAgain() {
    // given many values that expire and are never read
    for (int i = 0; i < 1_000; i++) {
      state.put("msg:" + i, "seen", Duration.ofSeconds(1));
    }
    clock.advance(Duration.ofSeconds(2));
    state.put("conv:live", "v", Duration.ofHours(1));
    assertThat(state.size()).isEqualTo(1_001); // not yet: the sweep runs once a minute

    // when a write comes after the sweep interval
    clock.advance(SWEEP);
    state.put("conv:other", "v", Duration.ofHours(1));

    // then
    assertThat(state.size()).isEqualTo(2);
    assertThat(state.get("conv:live")).contains("v");
  }

  @Test
  void aLeaseHoldsExactlyItsDurationThenAnotherMayTakeTheLock() {
    // given
    Lease stale = locks.acquire("conv:1", Duration.ofSeconds(30), Duration.ZERO);
    clock.advance(Duration.ofMillis(29_999));
    assertThatThrownBy(() -> locks.acquire("conv:1", Duration.ofSeconds(30), Duration.ZERO))
        .isInstanceOf(LockTimeout.class);

    // when
    clock.advance(Duration.ofMillis(1));
    Lease current = locks.acquire("conv:1", Duration.ofSeconds(30), Duration.ZERO);

    // then
    assertThat(stale.release()).isFalse();
    assertThatThrownBy(() -> locks.acquire("conv:1", Duration.ofSeconds(30), Duration.ZERO))
        .isInstanceOf(LockTimeout.class);
    assertThat(current.release()).isTrue();
  }

  @Test
  void releasingAfterTheLeaseEndedReportsFalseEvenWhenNobodyTookTheLock() {
    Lease lease = locks.acquire("conv:1", Duration.ofSeconds(30), Duration.ZERO);

    clock.advance(Duration.ofSeconds(30));

    assertThat(lease.release()).isFalse();
    assertThat(locks.size()).isZero();
  }

  @Test
  void releasedLocksLeaveNothingBehind() {
    for (int i = 0; i < 100; i++) {
      locks.acquire("conv:" + i, Duration.ofSeconds(30), Duration.ZERO).close();
    }

    assertThat(locks.size()).isZero();
  }

  @Test
  void theSweepDropsLocksWhoseHoldersNeverReleased() {
    // given holders that died without releasing
    for (int i = 0; i < 100; i++) {
      locks.acquire("conv:" + i, Duration.ofSeconds(30), Duration.ZERO);
    }
    clock.advance(Duration.ofSeconds(30));
    assertThat(locks.size()).isEqualTo(100);

    // when an acquire comes after the sweep interval
    clock.advance(SWEEP);
    locks.acquire("conv:new", Duration.ofSeconds(30), Duration.ZERO);

    // then
    assertThat(locks.size()).isEqualTo(1);
  }
}
