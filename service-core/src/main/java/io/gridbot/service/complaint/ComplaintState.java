package io.gridbot.service.complaint;

/** Where a complaint stands: RECEIVED → HANDLING → CLOSED; a received one may also be closed. */
public enum ComplaintState {
  RECEIVED,
  HANDLING,
  CLOSED;

  /** Whether a complaint in this state may move to {@code next}. */
  public boolean canMoveTo(ComplaintState next) {
    return switch (this) {
      case RECEIVED -> next == HANDLING || next == CLOSED;
      case HANDLING -> next == CLOSED;
      case CLOSED -> false;
    };
  }
}
