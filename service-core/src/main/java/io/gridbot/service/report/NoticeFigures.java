package io.gridbot.service.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How notices are going out: what waits in the outbox, deliveries by state, and the latest that did
 * not reach their customer, with the reason, for staff to act on (e.g. call a customer whose WeChat
 * no longer follows the account).
 *
 * @param since the start of the period (deliveries last changed since then)
 * @param outboxPending notices published but not yet wholly enqueued
 * @param outboxOldest when the oldest of them was published, or null
 * @param deliveriesByState deliveries of the period by state (QUEUED, SENT, RETRY, FAILED, DEAD)
 * @param problems the period's deliveries in RETRY, FAILED or DEAD, latest first
 */
public record NoticeFigures(
    Instant since,
    long outboxPending,
    Instant outboxOldest,
    Map<String, Long> deliveriesByState,
    List<Problem> problems) {

  public NoticeFigures {
    deliveriesByState = Map.copyOf(deliveriesByState);
    problems = List.copyOf(problems);
  }

  /**
   * A delivery that has not reached its customer.
   *
   * @param user the channel user id, masked (the first and last characters)
   * @param error the channel's reason, as recorded
   */
  public record Problem(
      String channel,
      String user,
      String noticeKey,
      String kind,
      String state,
      int attempts,
      String error,
      Instant at) {}
}
