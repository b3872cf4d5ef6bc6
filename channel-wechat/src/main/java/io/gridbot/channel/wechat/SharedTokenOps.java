package io.gridbot.channel.wechat;

import io.gridbot.dialog.store.LockStore;
import io.gridbot.dialog.store.StateStore;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import me.chanjar.weixin.common.redis.WxRedisOps;

/**
 * WxJava's token storage on the shared state store (Redis in production): every instance reads the
 * same access token, and only one at a time refreshes it, so instances never invalidate each
 * other's tokens.
 */
final class SharedTokenOps implements WxRedisOps {

  private static final Duration LOCK_LEASE = Duration.ofSeconds(15);
  private static final Duration LOCK_WAIT = Duration.ofSeconds(5);

  private final StateStore state;
  private final LockStore locks;

  SharedTokenOps(StateStore state, LockStore locks) {
    this.state = state;
    this.locks = locks;
  }

  @Override
  public String getValue(String key) {
    return state.get(key).orElse(null);
  }

  @Override
  public void setValue(String key, String value, int expire, TimeUnit unit) {
    Duration ttl = Duration.ofMillis(unit.toMillis(expire));
    state.put(key, value, ttl.isZero() || ttl.isNegative() ? Duration.ofDays(1) : ttl);
  }

  @Override
  public Long getExpire(String key) {
    // WxJava reads -2 as "no such key"
    return state.ttl(key).map(Duration::toSeconds).orElse(-2L);
  }

  @Override
  public void expire(String key, int expire, TimeUnit unit) {
    if (expire <= 0) {
      state.delete(key);
      return;
    }
    state.get(key).ifPresent(v -> state.put(key, v, Duration.ofMillis(unit.toMillis(expire))));
  }

  @Override
  public Lock getLock(String key) {
    return new SharedLock(locks, key);
  }

  /** A {@link Lock} over the shared lock store, for WxJava's token refresh. */
  static final class SharedLock implements Lock {
    private final LockStore locks;
    private final String key;
    private final ThreadLocal<LockStore.Lease> held = new ThreadLocal<>();

    SharedLock(LockStore locks, String key) {
      this.locks = locks;
      this.key = key;
    }

    @Override
    public void lock() {
      held.set(locks.acquire(key, LOCK_LEASE, LOCK_WAIT));
    }

    @Override
    public void lockInterruptibly() {
      lock();
    }

    @Override
    public boolean tryLock() {
      return tryLock(0, TimeUnit.MILLISECONDS);
    }

    @Override
    public boolean tryLock(long time, TimeUnit unit) {
      try {
        held.set(locks.acquire(key, LOCK_LEASE, Duration.ofMillis(unit.toMillis(time))));
        return true;
      } catch (io.gridbot.dialog.store.LockTimeout e) {
        return false;
      }
    }

    @Override
    public void unlock() {
      LockStore.Lease lease = held.get();
      held.remove();
      if (lease != null) {
        lease.release();
      }
    }

    @Override
    public Condition newCondition() {
      throw new UnsupportedOperationException("no conditions on a shared lock");
    }
  }
}
