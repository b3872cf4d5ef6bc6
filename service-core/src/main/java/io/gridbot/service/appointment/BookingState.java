package io.gridbot.service.appointment;

import java.util.Set;

/**
 * Where a booking is in its life. The state machine:
 *
 * <pre>
 *   (book) ──► BOOKED ──confirm──► CONFIRMED ──markDone──► DONE
 *                │  ▲                 │  │
 *                │  └──reschedule─────┘  └──markNoShow──► NO_SHOW
 *                │
 *   BOOKED or CONFIRMED ──cancel──► CANCELLED   (frees the slot)
 * </pre>
 *
 * <ul>
 *   <li>{@code BOOKED}: the customer holds a place in a slot; staff have not confirmed it yet.
 *   <li>{@code CONFIRMED}: staff confirmed it (a field team is assigned, the hall expects them).
 *   <li>{@code DONE}, {@code NO_SHOW}, {@code CANCELLED}: final. Only staff mark a booking done or
 *       missed, and only after confirming it. Only cancelling gives the place back: a done or
 *       missed booking keeps its slot's count.
 *   <li>Rescheduling (the customer moves to another slot) is allowed while BOOKED or CONFIRMED and
 *       always ends in BOOKED, because staff must confirm the new time. Reassigning (staff move it
 *       to another service point at the same time) keeps the state.
 * </ul>
 */
public enum BookingState {
  BOOKED,
  CONFIRMED,
  DONE,
  CANCELLED,
  NO_SHOW;

  /** Whether the booking still holds its slot and may change: BOOKED or CONFIRMED. */
  public boolean isOpen() {
    return this == BOOKED || this == CONFIRMED;
  }

  /** Whether the state machine allows a move from this state to {@code target}. */
  public boolean canMoveTo(BookingState target) {
    return allowedTargets().contains(target);
  }

  private Set<BookingState> allowedTargets() {
    return switch (this) {
      case BOOKED -> Set.of(BOOKED, CONFIRMED, CANCELLED);
      case CONFIRMED -> Set.of(BOOKED, DONE, NO_SHOW, CANCELLED);
      case DONE, CANCELLED, NO_SHOW -> Set.of();
    };
  }

  /** The Chinese word customers read for this state. */
  public String label() {
    return switch (this) {
      case BOOKED -> "已预约";
      case CONFIRMED -> "已确认";
      case DONE -> "已完成";
      case CANCELLED -> "已取消";
      case NO_SHOW -> "未到场";
    };
  }
}
