package io.gridbot.service.subscription;

import io.gridbot.service.ServiceException;
import io.gridbot.service.account.AccountNo;

/** The user never subscribed to this kind of notice (for this account). */
public class SubscriptionNotFound extends ServiceException {

  private final String kind;

  public SubscriptionNotFound(String channel, String kind, AccountNo accountNo) {
    super(
        "no subscription of a "
            + channel
            + " user to "
            + kind
            + (accountNo == null ? "" : " for account " + accountNo.masked()));
    this.kind = kind;
  }

  public String kind() {
    return kind;
  }

  @Override
  public String code() {
    return "subscription.not-found";
  }
}
