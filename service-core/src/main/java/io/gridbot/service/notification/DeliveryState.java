package io.gridbot.service.notification;

import java.util.Set;

/**
 * Where the delivery of one notice to one recipient stands ({@code notification_delivery.state}).
 *
 * <pre>
 *            send: SENT                 send: SENT
 *   QUEUED ───────────────▶ SENT ◀──────────────────┐
 *     │  send: RETRY                                 │
 *     ├──────────────────▶ RETRY ──── send: RETRY ───┤ (RETRY → RETRY while attempts remain)
 *     │  send: FAILED,      │  send: FAILED, no sender
 *     │  no sender          ▼
 *     ├──────────────────▶ FAILED
 *     │  too many attempts
 *     └──────────────────▶ DEAD ◀──── too many attempts ── RETRY
 * </pre>
 *
 * <p>QUEUED: recorded when a queue entry for it is first handled. RETRY: the sender asked to try
 * again later; the next attempt is scheduled with exponential backoff. SENT, FAILED (the sender
 * says it will never succeed, or no sender serves the channel) and DEAD (gave up after the
 * configured number of attempts) are final: a duplicate queue entry for a final delivery is
 * dropped, which is what makes delivery at most once per recipient and notice key. FAILED and DEAD
 * entries also go to the dead-letter queue for staff.
 */
public enum DeliveryState {
  QUEUED,
  SENT,
  RETRY,
  FAILED,
  DEAD;

  private static final Set<DeliveryState> FROM_OPEN = Set.of(SENT, RETRY, FAILED, DEAD);

  /** Whether nothing more will happen to the delivery. */
  public boolean isFinal() {
    return this == SENT || this == FAILED || this == DEAD;
  }

  /** Whether the state machine allows moving from this state to {@code to}. */
  public boolean canMoveTo(DeliveryState to) {
    return !isFinal() && FROM_OPEN.contains(to);
  }

  /**
   * Checks a transition.
   *
   * @throws IllegalDeliveryTransition if the state machine does not allow it
   */
  DeliveryState moveTo(DeliveryState to) {
    if (!canMoveTo(to)) {
      throw new IllegalDeliveryTransition(this, to);
    }
    return to;
  }
}
