package io.gridbot.channel.alipay;

import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.notification.Notice;
import io.gridbot.service.port.NotificationSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Notices to Alipay followers as service window text messages (title, then text). Outcomes: taken
 * by Alipay → SENT; Alipay busy, rate-limited or unreachable → RETRY; refused otherwise (the user
 * unfollowed, a bad user id) → FAILED.
 */
@Component
class AlipayNotificationSender implements NotificationSender {

  private static final Logger log = LoggerFactory.getLogger(AlipayNotificationSender.class);

  private final AlipayApi api;

  AlipayNotificationSender(AlipayApi api) {
    this.api = api;
  }

  @Override
  public String channel() {
    return AlipayOutbound.CHANNEL;
  }

  @Override
  public Delivery send(ChannelUser recipient, Notice notice) {
    if (!channel().equals(recipient.channel())) {
      return new Delivery(Outcome.FAILED, "not an Alipay user");
    }
    String text = notice.title().isBlank() ? notice.text() : notice.title() + "\n" + notice.text();
    try {
      api.customSend(AlipayMessenger.text(recipient.userId(), text));
      return new Delivery(Outcome.SENT, "custom.send");
    } catch (AlipayCallFailed e) {
      Outcome outcome = e.retryable() ? Outcome.RETRY : Outcome.FAILED;
      log.warn("notice {} to alipay user: {} ({})", notice.key(), outcome, e.getMessage());
      return new Delivery(outcome, e.code() + (e.subCode() == null ? "" : "/" + e.subCode()));
    } catch (RuntimeException e) {
      log.warn("notice {} to alipay user failed for now", notice.key(), e);
      return new Delivery(Outcome.RETRY, e.getClass().getSimpleName());
    }
  }
}
