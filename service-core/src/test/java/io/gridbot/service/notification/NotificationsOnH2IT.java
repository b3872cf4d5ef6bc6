package io.gridbot.service.notification;

import static io.gridbot.service.TestData.newWechatUser;
import static io.gridbot.service.notification.TestSettings.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.service.MutableClock;
import io.gridbot.service.account.AccountNo;
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
      assertThat(subscriptions.quietHours(user)).isEqualTo(QuietHours.parse("03:00-04:00"));
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
  void the_job_lock_works_on_h2() {
    JobLock.Lease lease = locks.tryAcquire("h2-job", Duration.ofMinutes(1)).orElseThrow();
    assertThat(locks.tryAcquire("h2-job", Duration.ofMinutes(1))).isEmpty();
    locks.release(lease);
    assertThat(locks.tryAcquire("h2-job", Duration.ofMinutes(1))).isPresent();
  }
}
