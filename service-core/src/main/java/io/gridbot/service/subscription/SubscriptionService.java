package io.gridbot.service.subscription;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.BindingNotFound;
import io.gridbot.service.account.ChannelUser;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What each channel user wants to be told and when they do not want to be disturbed.
 *
 * <p>Kinds ({@link io.gridbot.service.notification.Notice#KINDS}):
 *
 * <ul>
 *   <li>{@code low_balance}, {@code arrears}, {@code outage}, {@code monthly_bill} are per account:
 *       the user must name an account they have an active binding for. They are off until the user
 *       subscribes. {@code low_balance} has a threshold in yuan (default 20.00).
 *   <li>{@code progress} (of the user's own tickets, appointments, applications) is user-level: no
 *       account. It is <b>on by default</b>: the user gets it unless they unsubscribe.
 *   <li>{@code payment} (payment confirmations) is <b>on by default</b> for every account the user
 *       is bound to and for payments the user made; it may be turned off for all accounts (account
 *       null) or for one account. An account-level row wins over the user-level one.
 *   <li>{@code campaign} (offers, tips, activities sent by staff to a customer tag) is off until
 *       the user opts in, for all their accounts (account null) or for one.
 * </ul>
 *
 * <p>Nothing is deleted: unsubscribing keeps the row inactive, which is also how an opt-out of a
 * kind that is on by default is remembered. {@link #stopAll} honours an unfollow.
 */
public interface SubscriptionService {

  String LOW_BALANCE = "low_balance";
  String ARREARS = "arrears";
  String OUTAGE = "outage";
  String MONTHLY_BILL = "monthly_bill";
  String PROGRESS = "progress";
  String PAYMENT = "payment";
  String CAMPAIGN = "campaign";

  /** The kinds a user gets without subscribing. */
  Set<String> ON_BY_DEFAULT = Set.of(PROGRESS, PAYMENT);

  /** The kinds that are subscribed per account and need an account. */
  Set<String> PER_ACCOUNT = Set.of(LOW_BALANCE, ARREARS, OUTAGE, MONTHLY_BILL);

  /**
   * Subscribes the user to the kind (again). A {@code low_balance} subscription gets the default
   * threshold of 20.00 yuan, or keeps the one the user chose before.
   *
   * @param accountNo the account for per-account kinds; null for {@code progress}; either for
   *     {@code payment}
   * @return the active subscription
   * @throws IllegalArgumentException if the kind is unknown
   * @throws SubscriptionNotAllowed if the account is missing or not expected for the kind
   * @throws BindingNotFound if the user has no active binding for the account
   */
  Subscription subscribe(ChannelUser user, String kind, AccountNo accountNo);

  /**
   * Subscribes the user to low balance reminders for a prepaid account, with their threshold.
   *
   * @param thresholdYuan remind when the balance falls below this; 0.00 to 99999.99, two decimals
   * @throws IllegalArgumentException if the threshold is out of range
   * @throws BindingNotFound if the user has no active binding for the account
   */
  Subscription subscribeLowBalance(ChannelUser user, AccountNo accountNo, BigDecimal thresholdYuan);

  /**
   * Unsubscribes the user from the kind; unsubscribing twice is harmless. For {@code progress} and
   * {@code payment} this records an opt-out.
   *
   * @throws IllegalArgumentException if the kind is unknown
   * @throws SubscriptionNotAllowed if the account is missing or not expected for the kind
   * @throws SubscriptionNotFound if the user never subscribed to a per-account kind for the account
   */
  void unsubscribe(ChannelUser user, String kind, AccountNo accountNo);

  /**
   * Unsubscribes the user from everything, including the kinds that are on by default: how an
   * unfollow (or "退订全部") is honoured. Harmless for users with no subscriptions.
   */
  void stopAll(ChannelUser user);

  /** The user's stored subscriptions, active and inactive, oldest first. */
  List<Subscription> list(ChannelUser user);

  /**
   * Whether the user gets notices of the kind for the account (or, account null, at all: for a
   * per-account kind, whether any account of theirs is subscribed).
   */
  boolean isSubscribed(ChannelUser user, String kind, AccountNo accountNo);

  /**
   * The user's quiet hours: {@link QuietHours#DEFAULT} unless they set their own or turned them
   * off.
   *
   * @return empty when the user {@linkplain #turnOffQuietHours turned them off}: every notice goes
   *     at once, at any hour
   */
  Optional<QuietHours> quietHours(ChannelUser user);

  /** Sets the user's quiet hours (also when they had turned them off). */
  void setQuietHours(ChannelUser user, QuietHours quietHours);

  /**
   * Turns the user's quiet hours off: notices are delivered at any hour ("什么时候都可以通知我"). Urgent
   * notices ignore quiet hours anyway. Harmless when they are off already.
   */
  void turnOffQuietHours(ChannelUser user);

  /**
   * Gives the user the {@linkplain QuietHours#DEFAULT default} quiet hours again, forgetting their
   * own or that they turned them off. Harmless for a user who never changed them.
   */
  void resetQuietHours(ChannelUser user);
}
