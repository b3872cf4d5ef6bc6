package io.gridbot.service.subscription;

import io.gridbot.service.ServiceException;

/**
 * The subscription does not fit its kind: an account-level kind ({@code low_balance}, {@code
 * arrears}, {@code outage}, {@code monthly_bill}) was asked for without an account, or {@code
 * progress}, which is about the user's own requests, with one.
 */
public class SubscriptionNotAllowed extends ServiceException {

  private final String kind;

  public SubscriptionNotAllowed(String kind, String reason) {
    super("subscription to " + kind + " not allowed: " + reason);
    this.kind = kind;
  }

  public String kind() {
    return kind;
  }

  @Override
  public String code() {
    return "subscription.not-allowed";
  }
}
