package io.gridbot.service.outage;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an outage is in its life.
 *
 * <pre>
 *   planned:    SCHEDULED --publish--> ANNOUNCED --start--> ACTIVE --restore--> RESTORED
 *                   |                      |  \________________restore________^
 *                   +------cancel----------+--cancel--> CANCELLED
 *   unplanned:  (opened) ACTIVE --restore--> RESTORED
 * </pre>
 *
 * <ul>
 *   <li>{@link #SCHEDULED}: a planned outage entered by staff, not yet told to customers.
 *   <li>{@link #ANNOUNCED}: customers of its areas were told; during its announced window (start to
 *       expected end) it covers fault reports of its areas as if it were active.
 *   <li>{@link #ACTIVE}: the power is off now. Unplanned outages start here.
 *   <li>{@link #RESTORED}: the power is back (terminal). An announced planned outage may be
 *       restored without being started explicitly.
 *   <li>{@link #CANCELLED}: a planned outage that will not happen (terminal); an active outage
 *       cannot be cancelled, only restored.
 * </ul>
 *
 * The estimate of the end may change while {@link #ANNOUNCED} or {@link #ACTIVE}.
 */
public enum OutageState {
  SCHEDULED,
  ANNOUNCED,
  ACTIVE,
  RESTORED,
  CANCELLED;

  /** Whether the machine above has an edge from this state to {@code target}. */
  public boolean canMoveTo(OutageState target) {
    return next().contains(target);
  }

  /** Whether the outage is announced or active, i.e. customers are (or will be) without power. */
  public boolean isCurrent() {
    return this == ANNOUNCED || this == ACTIVE;
  }

  private Set<OutageState> next() {
    return switch (this) {
      case SCHEDULED -> EnumSet.of(ANNOUNCED, CANCELLED);
      case ANNOUNCED -> EnumSet.of(ACTIVE, RESTORED, CANCELLED);
      case ACTIVE -> EnumSet.of(RESTORED);
      case RESTORED, CANCELLED -> EnumSet.noneOf(OutageState.class);
    };
  }
}
