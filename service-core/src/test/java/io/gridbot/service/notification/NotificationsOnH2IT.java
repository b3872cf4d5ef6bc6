package io.gridbot.service.notification;

import static io.gridbot.service.TestData.newWechatUser;
import static io.gridbot.service.notification.TestSettings.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.service.MutableClock;
import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.AccountService;
import io.gridbot.service.account.BindingService;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.job.JobLock;
import io.gridbot.service.subscription.QuietHours;
import io.gridbot.service.subscription.SubscriptionService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notification SQL (ON DUPLICATE KEY UPDATE, INSERT IGNORE, the recipient joins, the job lock)
 * on H2 in MySQL mode, as the embedded default profile runs it.
 */
@SpringBootTest(properties = "gridbot.notifications.consume=false")
@ActiveProfiles("h2")
class NotificationsOnH2IT {

  private static final AccountNo OWING = new AccountNo("3300000002");

  @Autowired SubscriptionService subscriptions;
  @Autowired BindingService bindings;
  @Autowired DeliveryMapper deliveries;
  @Autowired RecipientMapper recipients;
  @Autowired JobLock locks;
  @Autowired AccountService accounts;
  @Autowired OutboxMapper outbox;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void subscribes_resolves_recipients_and_delivers_once() {
    // given
    ChannelUser user = newWechatUser();
    bindings.bind(user, OWING, "0002");
    subscriptions.subscribe(user, "arrears", OWING);
    subscriptions.subscribe(user, "arrears", OWING);
    subscriptions.setQuietHours(user, QuietHours.parse("01:00-02:00"));
    subscriptions.setQuietHours(user, QuietHours.parse("03:00-04:00"));
    MutableClock clock = new MutableClock(Instant.parse("2026-11-27T02:00:00Z"));
    RecordingSender wechat = new RecordingSender("wechat");
    InMemoryNotificationQueue queue = new InMemoryNotificationQueue(clock, Duration.ofSeconds(1));
    queue.start(
        new NotificationDispatcher(
            deliveries, subscriptions, List.of(wechat), TestSettings.settings(3), clock),
        2);
    Notice notice = new Notice("arrears", "arrears:h2", "欠费提醒", "您好，请及时缴费。", false, Map.of());

    try {
      // when
      List<ChannelUser> found = recipients.findForAccount(OWING, "arrears", false);
      queue.enqueue(List.of(new QueueEntry(user, notice, clock.instant())));
      queue.enqueue(List.of(new QueueEntry(user, notice, clock.instant())));

      // then
      assertThat(found).containsExactly(user);
      assertThat(subscriptions.list(user)).hasSize(1);
      assertThat(subscriptions.quietHours(user)).contains(QuietHours.parse("03:00-04:00"));
      assertThat(
              await(
                  Duration.ofSeconds(10),
                  () ->
                      deliveries
                          .find(user, notice.key())
                          .map(d -> d.state() == DeliveryState.SENT)
                          .orElse(false)))
          .isTrue();
      await(Duration.ofMillis(300), () -> false);
      assertThat(wechat.calls(user)).isEqualTo(1);
    } finally {
      queue.stop();
    }
  }

  @Test
  void quiet_hours_turned_off_and_reset_on_h2() {
    // given
    ChannelUser user = newWechatUser();
    subscriptions.setQuietHours(user, QuietHours.parse("23:00-06:00"));

    // when
    subscriptions.turnOffQuietHours(user);

    // then
    assertThat(subscriptions.quietHours(user)).isEmpty();

    // when
    subscriptions.resetQuietHours(user);

    // then
    assertThat(subscriptions.quietHours(user)).contains(QuietHours.DEFAULT);
  }

  @Test
  void the_job_lock_works_on_h2() {
    JobLock.Lease lease = locks.tryAcquire("h2-job", Duration.ofMinutes(1)).orElseThrow();
    assertThat(locks.tryAcquire("h2-job", Duration.ofMinutes(1))).isEmpty();
    locks.release(lease);
    assertThat(locks.tryAcquire("h2-job", Duration.ofMinutes(1))).isPresent();
  }

  @Test
  void the_outbox_keeps_a_notice_the_queue_refused_and_the_relay_enqueues_it_on_h2() {
    // given a queue that is down when the notice is published
    ChannelUser user = newWechatUser();
    CapturingQueue captured = new CapturingQueue();
    boolean[] down = {true};
    NotificationQueue queue =
        new NotificationQueue() {
          @Override
          public void enqueue(List<QueueEntry> entries) {
            if (down[0]) {
              throw new IllegalStateException("down");
            }
            captured.enqueue(entries);
          }

          @Override
          public void start(Handler handler, int workers) {}

          @Override
          public void stop() {}
        };
    MutableClock clock = new MutableClock(Instant.now().plus(Duration.ofDays(500)));
    NotificationSettings.Outbox settings = NotificationSettings.Outbox.defaults();
    DefaultNotificationPublisher publisher =
        new DefaultNotificationPublisher(
            recipients,
            subscriptions,
            accounts,
            queue,
            outbox,
            transactions,
            10,
            settings,
            Runnable::run,
            clock);
    Notice notice =
        new Notice("progress", "progress:h2:" + System.nanoTime(), "进度", "您好。", false, Map.of());
    OutboxRelay relay = new OutboxRelay(publisher, settings, clock);

    // when
    new TransactionTemplate(transactions).executeWithoutResult(s -> publisher.toUser(user, notice));
    down[0] = false;
    clock.advance(settings.retryMax());
    relay.runOnce();

    // then
    assertThat(captured.entries)
        .filteredOn(e -> e.notice().key().equals(notice.key()))
        .extracting(QueueEntry::recipient)
        .containsExactly(user);
    assertThat(publisher.backlog().pending()).isZero();
  }
}
