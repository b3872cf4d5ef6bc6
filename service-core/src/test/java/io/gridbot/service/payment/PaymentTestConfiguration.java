package io.gridbot.service.payment;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.notification.Notice;
import io.gridbot.service.notification.NotificationPublisher;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;

/**
 * Stands in for the areas the payment area talks to: a recording {@link NotificationPublisher} (the
 * real one belongs to the notification area) and a recorder of {@link PaymentConfirmed} events.
 */
@TestConfiguration(proxyBeanMethods = false)
class PaymentTestConfiguration {

  @Bean
  @Primary
  RecordingPublisher recordingPublisher() {
    return new RecordingPublisher();
  }

  @Bean
  ConfirmedEvents confirmedEvents() {
    return new ConfirmedEvents();
  }

  /** One published notice and to whom: a user, or an account's subscribers. */
  record Published(ChannelUser user, AccountNo account, Notice notice) {}

  static class RecordingPublisher implements NotificationPublisher {

    private final List<Published> published = new CopyOnWriteArrayList<>();

    @Override
    public void toUser(ChannelUser user, Notice notice) {
      published.add(new Published(user, null, notice));
    }

    @Override
    public void toAccount(AccountNo account, Notice notice) {
      published.add(new Published(null, account, notice));
    }

    @Override
    public void toArea(String areaCodePrefix, Notice notice) {
      throw new UnsupportedOperationException("the payment area never tells an area");
    }

    /** The notices whose key starts with {@code payment:<outTradeNo>}. */
    List<Published> about(OutTradeNo no) {
      return published.stream()
          .filter(p -> p.notice().key().startsWith("payment:" + no.value()))
          .toList();
    }
  }

  static class ConfirmedEvents {

    private final List<PaymentConfirmed> events = new CopyOnWriteArrayList<>();

    @EventListener
    void on(PaymentConfirmed event) {
      events.add(event);
    }

    List<PaymentConfirmed> about(OutTradeNo no) {
      return events.stream().filter(e -> e.outTradeNo().equals(no.value())).toList();
    }
  }
}
