package io.gridbot.service.subscription;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.BindingNotFound;
import io.gridbot.service.account.BindingService;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.notification.Notice;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class DefaultSubscriptionService implements SubscriptionService {

  private static final Logger log = LoggerFactory.getLogger(DefaultSubscriptionService.class);

  private final SubscriptionMapper subscriptions;
  private final BindingService bindings;

  DefaultSubscriptionService(SubscriptionMapper subscriptions, BindingService bindings) {
    this.subscriptions = subscriptions;
    this.bindings = bindings;
  }

  @Override
  public Subscription subscribe(ChannelUser user, String kind, AccountNo accountNo) {
    checkFits(user, kind, accountNo);
    BigDecimal threshold = null;
    if (LOW_BALANCE.equals(kind)
        && subscriptions.find(user, kind, accountNo).map(Subscription::threshold).isEmpty()) {
      threshold = Subscription.DEFAULT_LOW_BALANCE_THRESHOLD;
    }
    return store(user, kind, accountNo, threshold);
  }

  @Override
  public Subscription subscribeLowBalance(
      ChannelUser user, AccountNo accountNo, BigDecimal thresholdYuan) {
    BigDecimal threshold = Subscription.threshold(thresholdYuan);
    checkFits(user, LOW_BALANCE, accountNo);
    return store(user, LOW_BALANCE, accountNo, threshold);
  }

  @Override
  public void unsubscribe(ChannelUser user, String kind, AccountNo accountNo) {
    checkShape(user, kind, accountNo);
    Optional<Subscription> existing = subscriptions.find(user, kind, accountNo);
    if (existing.isEmpty() && !ON_BY_DEFAULT.contains(kind)) {
      throw new SubscriptionNotFound(user.channel(), kind, accountNo);
    }
    subscriptions.upsert(user, kind, accountNo, null, false, now());
    log.info("unsubscribed a {} user from {}{}", user.channel(), kind, forAccount(accountNo));
  }

  @Override
  public void stopAll(ChannelUser user) {
    Objects.requireNonNull(user, "user");
    Instant now = now();
    int stopped = subscriptions.deactivateAll(user, now);
    for (String kind : ON_BY_DEFAULT) {
      subscriptions.upsert(user, kind, null, null, false, now);
    }
    log.info("stopped all notices to a {} user ({} subscriptions)", user.channel(), stopped);
  }

  @Override
  @Transactional(readOnly = true)
  public List<Subscription> list(ChannelUser user) {
    return subscriptions.findByUser(Objects.requireNonNull(user, "user"));
  }

  @Override
  @Transactional(readOnly = true)
  public boolean isSubscribed(ChannelUser user, String kind, AccountNo accountNo) {
    Objects.requireNonNull(user, "user");
    checkKind(kind);
    if (accountNo == null && PER_ACCOUNT.contains(kind)) {
      return subscriptions.anyActive(user, kind);
    }
    Optional<Boolean> forAccount =
        accountNo == null
            ? Optional.empty()
            : subscriptions.find(user, kind, accountNo).map(Subscription::active);
    Optional<Boolean> forUser = subscriptions.find(user, kind, null).map(Subscription::active);
    return forAccount.or(() -> forUser).orElse(ON_BY_DEFAULT.contains(kind));
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<QuietHours> quietHours(ChannelUser user) {
    Optional<SubscriptionMapper.QuietHoursRow> row =
        subscriptions.findQuietHours(Objects.requireNonNull(user, "user"));
    if (row.isEmpty()) {
      return Optional.of(QuietHours.DEFAULT);
    }
    return row.filter(r -> !r.isOff())
        .map(r -> new QuietHours(r.start(), r.end(), ZoneId.of(r.zone())));
  }

  @Override
  public void setQuietHours(ChannelUser user, QuietHours quietHours) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(quietHours, "quietHours");
    subscriptions.upsertQuietHours(
        user,
        new SubscriptionMapper.QuietHoursRow(
            quietHours.start(), quietHours.end(), quietHours.zone().getId(), true),
        now());
    log.info("quiet hours of a {} user set to {}", user.channel(), quietHours);
  }

  @Override
  public void turnOffQuietHours(ChannelUser user) {
    Objects.requireNonNull(user, "user");
    subscriptions.upsertQuietHours(user, SubscriptionMapper.QuietHoursRow.off(), now());
    log.info("quiet hours of a {} user turned off", user.channel());
  }

  @Override
  public void resetQuietHours(ChannelUser user) {
    Objects.requireNonNull(user, "user");
    subscriptions.deleteQuietHours(user);
    log.info("quiet hours of a {} user back to the default", user.channel());
  }

  private Subscription store(
      ChannelUser user, String kind, AccountNo accountNo, BigDecimal threshold) {
    subscriptions.upsert(user, kind, accountNo, threshold, true, now());
    log.info("subscribed a {} user to {}{}", user.channel(), kind, forAccount(accountNo));
    return subscriptions.lock(user, kind, accountNo).orElseThrow();
  }

  /** The kind and account fit each other and the user may act for the account. */
  private void checkFits(ChannelUser user, String kind, AccountNo accountNo) {
    checkShape(user, kind, accountNo);
    if (accountNo != null
        && bindings.activeBindings(user).stream()
            .noneMatch(binding -> binding.accountNo().equals(accountNo))) {
      throw new BindingNotFound(user, accountNo);
    }
  }

  private static void checkShape(ChannelUser user, String kind, AccountNo accountNo) {
    Objects.requireNonNull(user, "user");
    checkKind(kind);
    if (PER_ACCOUNT.contains(kind) && accountNo == null) {
      throw new SubscriptionNotAllowed(kind, "it is subscribed per account; name the account");
    }
    if (PROGRESS.equals(kind) && accountNo != null) {
      throw new SubscriptionNotAllowed(kind, "it is about the user's own requests, not accounts");
    }
  }

  private static void checkKind(String kind) {
    if (kind == null || !Notice.KINDS.contains(kind)) {
      throw new IllegalArgumentException("unknown notice kind " + kind);
    }
  }

  private static String forAccount(AccountNo accountNo) {
    return accountNo == null ? "" : " for account " + accountNo.masked();
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }
}
