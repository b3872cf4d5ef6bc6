package io.gridbot.service.notification;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.ChannelUser;

/**
 * Where the business hands over what customers should be told. Publishing only enqueues: delivery
 * happens asynchronously, at least once, deduplicated per recipient and notice key, respecting each
 * recipient's subscriptions and quiet hours. Publishing inside a transaction is safe: nothing is
 * enqueued if the transaction rolls back.
 */
public interface NotificationPublisher {

  /** Tells one channel user (e.g. the reporter of a ticket), if they have not unsubscribed. */
  void toUser(ChannelUser user, Notice notice);

  /** Tells every channel user bound to the account who subscribed to the notice's kind. */
  void toAccount(AccountNo account, Notice notice);

  /**
   * Tells every subscriber of the notice's kind among the accounts whose area code starts with
   * {@code areaCodePrefix} (e.g. an outage of {@code CN-330106-017}).
   */
  void toArea(String areaCodePrefix, Notice notice);
}
