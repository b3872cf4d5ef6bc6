package io.gridbot.dialog.store;

import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;

/** The contract, met by the in-process stores. */
class InMemoryStateStoreTest extends StateStoreContract {

  private StateStore stateStore;
  private LockStore lockStore;

  @BeforeEach
  void freshStores() {
    StateBackend backend = StateBackend.inMemory(Clock.systemUTC());
    stateStore = backend.stateStore();
    lockStore = backend.lockStore();
  }

  @Override
  StateStore stateStore() {
    return stateStore;
  }

  @Override
  LockStore lockStore() {
    return lockStore;
  }
}
