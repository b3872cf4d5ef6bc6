package io.gridbot.service.appointment;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.notification.Notice;
import io.gridbot.service.notification.NotificationPublisher;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Stands in for the notification area's publisher: records what would be published, after the
 * publishing transaction commits, so that rolled-back calls record nothing (as the real one
 * promises).
 */
@TestConfiguration(proxyBeanMethods = false)
public class RecordingNotifications {

  @Bean
  @Primary
  Recorder recordingPublisher() {
    return new Recorder();
  }

  /** One notice to one user. */
  public record Sent(ChannelUser user, Notice notice) {}

  public static final class Recorder implements NotificationPublisher {

    private final List<Sent> sent = new CopyOnWriteArrayList<>();

    @Override
    public void toUser(ChannelUser user, Notice notice) {
      if (org.springframework.transaction.support.TransactionSynchronizationManager
          .isSynchronizationActive()) {
        org.springframework.transaction.support.TransactionSynchronizationManager
            .registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                  @Override
                  public void afterCommit() {
                    sent.add(new Sent(user, notice));
                  }
                });
      } else {
        sent.add(new Sent(user, notice));
      }
    }

    @Override
    public void toAccount(AccountNo account, Notice notice) {
      throw new UnsupportedOperationException("appointments tell users only");
    }

    @Override
    public void toArea(String areaCodePrefix, Notice notice) {
      throw new UnsupportedOperationException("appointments tell users only");
    }

    /** The notices sent to the user, in order. */
    public List<Notice> to(ChannelUser user) {
      return sent.stream().filter(s -> s.user().equals(user)).map(Sent::notice).toList();
    }

    /** The keys of the notices whose key starts with the prefix, in order. */
    public List<String> keysStartingWith(String prefix) {
      return sent.stream()
          .map(s -> s.notice().key())
          .filter(key -> key.startsWith(prefix))
          .toList();
    }
  }
}
