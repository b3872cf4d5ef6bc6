package io.gridbot.service.points;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.notification.Notice;
import io.gridbot.service.notification.NotificationPublisher;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Stands in for the real publisher (another area's) and records what was published per account. */
@TestConfiguration(proxyBeanMethods = false)
class RecordingNotifications {

  record Published(AccountNo account, Notice notice) {}

  static final class RecordingPublisher implements NotificationPublisher {

    final List<Published> published = new CopyOnWriteArrayList<>();

    @Override
    public void toUser(ChannelUser user, Notice notice) {
      throw new UnsupportedOperationException("points tell accounts, not users");
    }

    @Override
    public void toAccount(AccountNo account, Notice notice) {
      published.add(new Published(account, notice));
    }

    @Override
    public void toArea(String areaCodePrefix, Notice notice) {
      throw new UnsupportedOperationException("points tell accounts, not areas");
    }

    List<Notice> to(AccountNo account) {
      return published.stream()
          .filter(p -> p.account().equals(account))
          .map(Published::notice)
          .toList();
    }
  }

  @Bean
  @Primary
  RecordingPublisher recordingNotificationPublisher() {
    return new RecordingPublisher();
  }
}
