package io.gridbot.service.follow;

import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.port.ChannelUsers;
import io.gridbot.service.subscription.SubscriptionService;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Follows, unfollows and delivery reports, kept in {@code channel_user_event}. */
@Service
@Transactional
class DefaultChannelUsers implements ChannelUsers {

  private static final Logger log = LoggerFactory.getLogger(DefaultChannelUsers.class);

  private final ChannelUserEventMapper events;
  private final SubscriptionService subscriptions;
  private final Clock clock;

  DefaultChannelUsers(ChannelUserEventMapper events, SubscriptionService subscriptions) {
    this.events = events;
    this.subscriptions = subscriptions;
    this.clock = Clock.systemUTC();
  }

  @Override
  public void followed(ChannelUser user, String scene) {
    Objects.requireNonNull(user, "user");
    events.insert(user, "FOLLOW", clip(scene, 64), null, clock.instant());
    log.info("a {} user followed{}", user.channel(), scene == null ? "" : " from scene " + scene);
  }

  @Override
  public void unfollowed(ChannelUser user) {
    Objects.requireNonNull(user, "user");
    events.insert(user, "UNFOLLOW", null, null, clock.instant());
    subscriptions.stopAll(user);
  }

  @Override
  public void deliveryReported(ChannelUser user, String platformMessageId, String status) {
    Objects.requireNonNull(user, "user");
    events.insert(
        user, "DELIVERY", clip(status, 128), clip(platformMessageId, 64), clock.instant());
    if (!"success".equals(status)) {
      log.warn("{} message {} not delivered: {}", user.channel(), platformMessageId, status);
    }
  }

  /** The user's recorded events, oldest first, as {@code EVENT detail}. */
  @Transactional(readOnly = true)
  public List<String> history(ChannelUser user) {
    return events.findByUser(user);
  }

  private static String clip(String value, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return value.length() <= max ? value : value.substring(0, max);
  }
}
