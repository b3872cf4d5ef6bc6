package io.gridbot.dialog.store;

import java.time.Duration;

/** A lock could not be taken within the wait timeout because another holder kept it. */
public class LockTimeout extends RuntimeException {

  private final String key;

  public LockTimeout(String key, Duration waited) {
    super(
        "lock " + key + " still held by another holder after waiting " + waited.toMillis() + " ms");
    this.key = key;
  }

  public String key() {
    return key;
  }
}
