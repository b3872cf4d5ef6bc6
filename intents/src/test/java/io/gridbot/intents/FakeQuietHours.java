package io.gridbot.intents;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.subscription.QuietHours;
import io.gridbot.service.subscription.Subscription;
import io.gridbot.service.subscription.SubscriptionService;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Quiet hours kept in memory, as {@link SubscriptionService} keeps them: the default until a user
 * sets their own, empty once turned off. The user has no subscriptions; changing them is not
 * expected here.
 */
final class FakeQuietHours implements SubscriptionService {

  /** Each user's own setting: their hours, or empty when they turned them off. */
  final Map<ChannelUser, Optional<QuietHours>> own = new HashMap<>();

  int changes;

  @Override
  public Optional<QuietHours> quietHours(ChannelUser user) {
    return own.getOrDefault(user, Optional.of(QuietHours.DEFAULT));
  }

  @Override
  public void setQuietHours(ChannelUser user, QuietHours quietHours) {
    own.put(user, Optional.of(quietHours));
    changes++;
  }

  @Override
  public void turnOffQuietHours(ChannelUser user) {
    own.put(user, Optional.empty());
    changes++;
  }

  @Override
  public void resetQuietHours(ChannelUser user) {
    own.remove(user);
    changes++;
  }

  @Override
  public List<Subscription> list(ChannelUser user) {
    return List.of();
  }

  @Override
  public boolean isSubscribed(ChannelUser user, String kind, AccountNo accountNo) {
    return false;
  }

  @Override
  public Subscription subscribe(ChannelUser user, String kind, AccountNo accountNo) {
    throw new UnsupportedOperationException("not expected in a quiet hours conversation");
  }

  @Override
  public Subscription subscribeLowBalance(
      ChannelUser user, AccountNo accountNo, BigDecimal thresholdYuan) {
    throw new UnsupportedOperationException("not expected in a quiet hours conversation");
  }

  @Override
  public void unsubscribe(ChannelUser user, String kind, AccountNo accountNo) {
    throw new UnsupportedOperationException("not expected in a quiet hours conversation");
  }

  @Override
  public void stopAll(ChannelUser user) {
    throw new UnsupportedOperationException("not expected in a quiet hours conversation");
  }
}
