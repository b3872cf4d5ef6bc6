package io.gridbot.dialog.store;

/** The shared state store (Redis in production) could not be reached or did not answer in time. */
public class StateUnavailable extends RuntimeException {

  public StateUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
