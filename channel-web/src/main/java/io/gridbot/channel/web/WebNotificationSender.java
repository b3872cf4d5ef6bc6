package io.gridbot.channel.web;

import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.notification.Notice;
import io.gridbot.service.port.NotificationSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Delivers notices (a repair's progress, an outage, a payment) to web chat users by leaving them in
 * the session's {@link WebMailbox}, from where the open page receives them at once and a page
 * opened later within the mailbox's day still finds them.
 */
@Component
class WebNotificationSender implements NotificationSender {

  private static final Logger log = LoggerFactory.getLogger(WebNotificationSender.class);

  private final WebMailbox mailbox;

  WebNotificationSender(WebMailbox mailbox) {
    this.mailbox = mailbox;
  }

  @Override
  public String channel() {
    return RobotController.CHANNEL;
  }

  @Override
  public Delivery send(ChannelUser recipient, Notice notice) {
    if (!channel().equals(recipient.channel())) {
      return new Delivery(Outcome.FAILED, "not a web user");
    }
    try {
      RobotRequest.validateSessionId(recipient.userId());
    } catch (InvalidRobotRequest e) {
      return new Delivery(Outcome.FAILED, "not a web chat session id");
    }
    try {
      long number =
          mailbox.post(recipient.userId(), ReplyView.notice(notice.title(), notice.text()));
      log.info("notice {} left in web mailbox as message {}", notice.key(), number);
      return new Delivery(Outcome.SENT, "mailbox:" + number);
    } catch (RuntimeException e) {
      // the shared state store is unreachable for now
      log.warn("notice {} not left in the web mailbox: {}", notice.key(), e.toString());
      return new Delivery(Outcome.RETRY, e.getClass().getSimpleName());
    }
  }
}
