package io.gridbot.service.subscription;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.notification.Notice;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;

/**
 * A stored subscription of a channel user to a kind of notice, for one account or (account null)
 * for all of the user's accounts.
 *
 * @param kind one of {@link Notice#KINDS}
 * @param accountNo the account, or null for a user-level subscription
 * @param threshold the {@code low_balance} reminder threshold in yuan, scale 2; null for other
 *     kinds
 * @param active false once unsubscribed (or opted out of a kind that is on by default)
 * @throws IllegalArgumentException if the kind is unknown or the threshold is negative, has more
 *     than two decimals, or is given for another kind than {@code low_balance}
 * @throws NullPointerException if user, kind or a timestamp is null
 */
public record Subscription(
    ChannelUser user,
    String kind,
    AccountNo accountNo,
    BigDecimal threshold,
    boolean active,
    Instant createdAt,
    Instant updatedAt) {

  /** The low balance threshold a subscriber gets unless they choose another: 20.00 yuan. */
  public static final BigDecimal DEFAULT_LOW_BALANCE_THRESHOLD = new BigDecimal("20.00");

  public Subscription {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(kind, "kind");
    if (!Notice.KINDS.contains(kind)) {
      throw new IllegalArgumentException("unknown notice kind " + kind);
    }
    if (threshold != null) {
      if (!SubscriptionService.LOW_BALANCE.equals(kind)) {
        throw new IllegalArgumentException("only low_balance has a threshold, not " + kind);
      }
      threshold = threshold(threshold);
    }
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /**
   * A low balance threshold as stored: scale 2, not negative, at most 99,999.99 yuan.
   *
   * @throws IllegalArgumentException otherwise
   */
  static BigDecimal threshold(BigDecimal yuan) {
    Objects.requireNonNull(yuan, "threshold");
    BigDecimal scaled;
    try {
      scaled = yuan.setScale(2, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("threshold must have at most two decimals: " + yuan, e);
    }
    if (scaled.signum() < 0 || scaled.compareTo(new BigDecimal("99999.99")) > 0) {
      throw new IllegalArgumentException("threshold must be 0.00 to 99999.99 yuan: " + yuan);
    }
    return scaled;
  }
}
