package io.gridbot.service.port;

import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.notification.Notice;

/**
 * Delivers a notice to a channel user on one channel. Implemented by the channels (WeChat template
 * or customer-service messages, Alipay, web) and by SMS and e-mail adapters.
 */
public interface NotificationSender {

  /**
   * The channel this sender delivers on, e.g. {@code wechat}; matches {@link
   * ChannelUser#channel()}.
   */
  String channel();

  /**
   * Sends one notice.
   *
   * @return the outcome; never throws for a failed delivery
   */
  Delivery send(ChannelUser recipient, Notice notice);

  /** The outcome of one delivery. */
  enum Outcome {
    /** Delivered (or accepted by the platform). */
    SENT,
    /** Failed for now (timeout, rate limit, platform error): retry later. */
    RETRY,
    /** Will never succeed (user unfollowed, blocked, invalid recipient): do not retry. */
    FAILED
  }

  /**
   * @param outcome what happened
   * @param detail the platform's message id or error, for the delivery record
   */
  record Delivery(Outcome outcome, String detail) {}
}
