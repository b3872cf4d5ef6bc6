package io.gridbot.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.dialog.store.StateStores;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.notification.Notice;
import io.gridbot.service.port.NotificationSender;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebNotificationSenderTest {

  private final WebMailbox mailbox = new WebMailbox(StateStores.inMemoryStateStore());
  private final WebNotificationSender sender = new WebNotificationSender(mailbox);

  private static Notice progress() {
    return new Notice(
        "progress", "ticket:R202611270001:DISPATCHED", "报修已派单", "您的报修已派单", false, Map.of());
  }

  @Test
  void a_notice_lands_in_the_sessions_mailbox_as_a_notice() {
    // when
    NotificationSender.Delivery delivery =
        sender.send(new ChannelUser("web", "session-77"), progress());

    // then
    assertThat(delivery.outcome()).isEqualTo(NotificationSender.Outcome.SENT);
    assertThat(delivery.detail()).isEqualTo("mailbox:1");
    WebMailbox.Mail mail = mailbox.after("session-77", 0);
    assertThat(mail.messages())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.type()).isEqualTo("notice");
              assertThat(m.title()).isEqualTo("报修已派单");
              assertThat(m.text()).isEqualTo("您的报修已派单");
            });
  }

  @Test
  void a_user_that_is_no_web_session_fails_for_good() {
    assertThat(sender.send(new ChannelUser("web", "bad id!"), progress()).outcome())
        .isEqualTo(NotificationSender.Outcome.FAILED);
    assertThat(sender.send(new ChannelUser("wechat", "session-77"), progress()).outcome())
        .isEqualTo(NotificationSender.Outcome.FAILED);
    assertThat(mailbox.after("session-77", 0).messages()).isEmpty();
  }
}
