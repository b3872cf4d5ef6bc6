package io.gridbot.service.points;

import io.gridbot.service.account.AccountNo;
import java.time.Instant;
import java.util.Objects;

/**
 * One line of an account's points history.
 *
 * @param delta the change, positive for earned points, negative for spent or expired ones; never 0
 * @param reference what caused it: the payment's outTradeNo, the redemption's request id, {@code
 *     lot:<id>} for an expiry, or the caller's reference
 * @param createdAt when it was written (UTC, milliseconds)
 * @param expiresAt when the earned points expire; null for negative entries
 * @throws NullPointerException if a component other than {@code expiresAt} is null
 * @throws IllegalArgumentException if delta is 0
 */
public record PointsEntry(
    long id,
    AccountNo accountNo,
    int delta,
    PointsReason reason,
    String reference,
    Instant createdAt,
    Instant expiresAt) {

  public PointsEntry {
    Objects.requireNonNull(accountNo, "accountNo");
    if (delta == 0) {
      throw new IllegalArgumentException("a points entry changes the balance, delta must not be 0");
    }
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
