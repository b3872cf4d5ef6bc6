package io.gridbot.service.application;

/**
 * Where an application is. The state machine:
 *
 * <pre>
 *   SUBMITTED ──accept──► ACCEPTED ──startSurvey──► SURVEY ──approve──► APPROVED ──connect──► CONNECTED
 *                            └──────────approve (RENAME, TRANSFER, CLOSE_ACCOUNT only)──┘
 *
 *   SUBMITTED, ACCEPTED, SURVEY or APPROVED ──reject(reason)──► REJECTED
 * </pre>
 *
 * <ul>
 *   <li>Connection types (new supply, capacity increase, temporary supply, EV charger) always go
 *       through SURVEY. Account changes (RENAME, TRANSFER, CLOSE_ACCOUNT) may skip it (ACCEPTED →
 *       APPROVED) or take it, e.g. for a final meter reading.
 *   <li>CONNECTED means completed (办结): supply connected for connection types, the change made for
 *       account changes.
 *   <li>CONNECTED and REJECTED are final; a rejection always has a reason.
 * </ul>
 */
public enum ApplicationState {
  SUBMITTED,
  ACCEPTED,
  SURVEY,
  APPROVED,
  CONNECTED,
  REJECTED;

  /** Whether the application is still being handled (not CONNECTED or REJECTED). */
  public boolean isOpen() {
    return this != CONNECTED && this != REJECTED;
  }

  /** Whether an application of {@code type} may go from this state to {@code target}. */
  public boolean canMoveTo(ApplicationState target, ApplicationType type) {
    if (target == REJECTED) {
      return isOpen();
    }
    return switch (this) {
      case SUBMITTED -> target == ACCEPTED;
      case ACCEPTED -> target == SURVEY || (target == APPROVED && type.surveyOptional());
      case SURVEY -> target == APPROVED;
      case APPROVED -> target == CONNECTED;
      case CONNECTED, REJECTED -> false;
    };
  }

  /** The Chinese word customers read for this state. */
  public String label() {
    return switch (this) {
      case SUBMITTED -> "已提交";
      case ACCEPTED -> "已受理";
      case SURVEY -> "现场勘查中";
      case APPROVED -> "已审批";
      case CONNECTED -> "已办结";
      case REJECTED -> "未通过";
    };
  }
}
