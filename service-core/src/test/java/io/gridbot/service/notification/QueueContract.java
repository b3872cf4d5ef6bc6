package io.gridbot.service.notification;

import static io.gridbot.service.TestData.newUser;
import static io.gridbot.service.TestData.newWechatUser;
import static io.gridbot.service.notification.TestSettings.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.service.MutableClock;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.port.NotificationSender.Outcome;
import io.gridbot.service.subscription.SubscriptionService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What every {@link NotificationQueue} together with the dispatcher guarantees; run against the
 * in-memory queue and Redis Streams. Time is a {@link MutableClock}: retries and quiet hours wait
 * for it, not for the wall clock.
 */
abstract class QueueContract {

  private static final Duration WAIT = Duration.ofSeconds(10);
  // 10:00 in China: outside the default quiet hours
  private static final Instant DAYTIME = Instant.parse("2026-11-27T02:00:00Z");

  @Autowired DeliveryMapper deliveries;
  @Autowired SubscriptionService subscriptions;

  final MutableClock clock = new MutableClock(DAYTIME);
  final RecordingSender wechat = new RecordingSender("wechat");
  NotificationQueue queue;

  abstract NotificationQueue newQueue(MutableClock clock);

  /** The dead letters' reasons. */
  abstract List<String> deadLetterReasons();

  void cleanUp() {}

  /** How many entries the queue still holds once everything was handled; -1 when not known. */
  long entriesLeft() {
    return -1;
  }

  @BeforeEach
  void startQueue() {
    queue = newQueue(clock);
  }

  @AfterEach
  void stopQueue() {
    queue.stop();
    cleanUp();
  }

  NotificationDispatcher dispatcher(int maxAttempts) {
    return new NotificationDispatcher(
        deliveries, subscriptions, List.of(wechat), TestSettings.settings(maxAttempts), clock);
  }

  @Test
  void a_notice_published_three_times_is_delivered_once() {
    // given
    queue.start(dispatcher(3), 2);
    ChannelUser user = newWechatUser();
    Notice notice = notice(false);

    // when
    for (int i = 0; i < 3; i++) {
      queue.enqueue(List.of(entry(user, notice), entry(user, notice)));
    }

    // then
    assertThat(await(WAIT, () -> state(user, notice) == DeliveryState.SENT)).isTrue();
    await(Duration.ofMillis(500), () -> false);
    assertThat(wechat.calls(user)).isEqualTo(1);
    Delivery delivery = delivery(user, notice);
    assertThat(delivery.attempts()).isEqualTo(1);
    assertThat(delivery.sentAt()).isEqualTo(DAYTIME);
    assertThat(deliveries.findByKey(notice.key())).hasSize(1);
    // and handled entries do not pile up in the queue
    assertThat(entriesLeft()).isIn(-1L, 0L);
  }

  @Test
  void a_retry_waits_with_growing_backoff_then_sends() {
    // given
    queue.start(dispatcher(5), 2);
    ChannelUser user = newWechatUser();
    wechat.script(user, Outcome.RETRY, Outcome.RETRY);
    Notice notice = notice(false);

    // when
    queue.enqueue(List.of(entry(user, notice)));

    // then the first retry waits 1 s
    assertThat(await(WAIT, () -> attempts(user, notice) == 1 && !leased(user, notice))).isTrue();
    Delivery first = delivery(user, notice);
    assertThat(first.state()).isEqualTo(DeliveryState.RETRY);
    assertThat(first.lastError()).isEqualTo("busy, try later");
    assertThat(first.nextAttemptAt()).isEqualTo(DAYTIME.plusSeconds(1));
    await(Duration.ofMillis(300), () -> false);
    assertThat(wechat.calls(user)).isEqualTo(1);

    // when the time comes, the second retry waits 2 s
    clock.advance(Duration.ofSeconds(1));
    assertThat(await(WAIT, () -> attempts(user, notice) == 2 && !leased(user, notice))).isTrue();
    assertThat(delivery(user, notice).nextAttemptAt()).isEqualTo(DAYTIME.plusSeconds(3));

    // and the third attempt sends
    clock.advance(Duration.ofSeconds(2));
    assertThat(await(WAIT, () -> state(user, notice) == DeliveryState.SENT)).isTrue();
    assertThat(wechat.calls(user)).isEqualTo(3);
    assertThat(delivery(user, notice).attempts()).isEqualTo(3);
  }

  @Test
  void a_failed_delivery_is_recorded_and_goes_to_the_dead_letters() {
    // given
    queue.start(dispatcher(3), 2);
    ChannelUser user = newWechatUser();
    wechat.script(user, Outcome.FAILED);
    Notice notice = notice(false);

    // when
    queue.enqueue(List.of(entry(user, notice)));

    // then
    assertThat(await(WAIT, () -> state(user, notice) == DeliveryState.FAILED)).isTrue();
    assertThat(delivery(user, notice).lastError()).isEqualTo("user unfollowed");
    assertThat(await(WAIT, () -> !deadLetterReasons().isEmpty())).isTrue();
    assertThat(deadLetterReasons()).containsExactly("FAILED: user unfollowed");
    assertThat(wechat.calls(user)).isEqualTo(1);
  }

  @Test
  void too_many_retries_make_a_delivery_dead() {
    // given
    queue.start(dispatcher(2), 2);
    ChannelUser user = newWechatUser();
    wechat.script(user, Outcome.RETRY, Outcome.RETRY, Outcome.RETRY);
    Notice notice = notice(false);

    // when
    queue.enqueue(List.of(entry(user, notice)));
    assertThat(await(WAIT, () -> attempts(user, notice) == 1 && !leased(user, notice))).isTrue();
    clock.advance(Duration.ofSeconds(1));

    // then
    assertThat(await(WAIT, () -> state(user, notice) == DeliveryState.DEAD)).isTrue();
    assertThat(delivery(user, notice).attempts()).isEqualTo(2);
    assertThat(await(WAIT, () -> !deadLetterReasons().isEmpty())).isTrue();
    assertThat(deadLetterReasons()).containsExactly("gave up after 2 attempts: busy, try later");
  }

  @Test
  void a_channel_without_sender_fails_with_a_clear_detail() {
    // given
    queue.start(dispatcher(3), 2);
    ChannelUser user = newUser("sms");
    Notice notice = notice(false);

    // when
    queue.enqueue(List.of(entry(user, notice)));

    // then
    assertThat(await(WAIT, () -> state(user, notice) == DeliveryState.FAILED)).isTrue();
    assertThat(delivery(user, notice).lastError()).isEqualTo("no sender for channel sms");
  }

  @Test
  void quiet_hours_delay_a_non_urgent_notice_to_their_end_but_not_an_urgent_one() {
    // given 23:30 in China
    clock.set(Instant.parse("2026-11-27T15:30:00Z"));
    queue.start(dispatcher(3), 2);
    ChannelUser user = newWechatUser();
    Notice bill = notice(false);
    Notice outage = notice(true);

    // when
    queue.enqueue(List.of(entry(user, bill), entry(user, outage)));

    // then the urgent one goes now, the other waits
    assertThat(await(WAIT, () -> state(user, outage) == DeliveryState.SENT)).isTrue();
    await(Duration.ofMillis(300), () -> false);
    assertThat(deliveries.find(user, bill.key()).map(Delivery::state))
        .contains(DeliveryState.QUEUED);
    assertThat(wechat.sent()).extracting(s -> s.notice().key()).containsExactly(outage.key());

    // when it is 07:00 in China
    clock.set(Instant.parse("2026-11-27T23:00:00Z"));

    // then
    assertThat(await(WAIT, () -> state(user, bill) == DeliveryState.SENT)).isTrue();
    assertThat(delivery(user, bill).sentAt()).isEqualTo(Instant.parse("2026-11-27T23:00:00Z"));
  }

  @Test
  void a_user_with_their_own_quiet_hours_is_not_disturbed_at_noon() {
    // given
    queue.start(dispatcher(3), 2);
    ChannelUser user = newWechatUser();
    subscriptions.setQuietHours(
        user, io.gridbot.service.subscription.QuietHours.parse("09:00-12:00"));
    Notice notice = notice(false);

    // when 10:00 in China
    queue.enqueue(List.of(entry(user, notice)));
    await(Duration.ofMillis(500), () -> false);

    // then
    assertThat(wechat.calls(user)).isZero();
    clock.set(Instant.parse("2026-11-27T04:00:00Z"));
    assertThat(await(WAIT, () -> state(user, notice) == DeliveryState.SENT)).isTrue();
  }

  @Test
  void a_user_who_turned_quiet_hours_off_gets_a_notice_at_night_at_once() {
    // given 23:30 in China, inside the default quiet hours
    clock.set(Instant.parse("2026-11-27T15:30:00Z"));
    queue.start(dispatcher(3), 2);
    ChannelUser user = newWechatUser();
    ChannelUser sleeper = newWechatUser();
    subscriptions.turnOffQuietHours(user);
    Notice notice = notice(false);

    // when
    queue.enqueue(List.of(entry(user, notice), entry(sleeper, notice)));

    // then
    assertThat(await(WAIT, () -> state(user, notice) == DeliveryState.SENT)).isTrue();
    assertThat(delivery(user, notice).sentAt()).isEqualTo(Instant.parse("2026-11-27T15:30:00Z"));
    await(Duration.ofMillis(300), () -> false);
    assertThat(wechat.calls(sleeper)).isZero();
  }

  @Test
  void an_entry_whose_handling_failed_is_handed_out_again() {
    // given a handler that fails once, as if the database were briefly unreachable
    NotificationDispatcher dispatcher = dispatcher(3);
    AtomicBoolean failed = new AtomicBoolean();
    queue.start(
        entry -> {
          if (failed.compareAndSet(false, true)) {
            throw new IllegalStateException("database unreachable");
          }
          return dispatcher.handle(entry);
        },
        2);
    ChannelUser user = newWechatUser();
    Notice notice = notice(false);

    // when
    queue.enqueue(List.of(entry(user, notice)));
    assertThat(await(WAIT, failed::get)).isTrue();

    // then, time moving on (the failed entry is rescheduled from the clock as it is read then, so
    // the clock keeps moving until it is handed out again)
    assertThat(
            await(
                WAIT,
                () -> {
                  clock.advance(Duration.ofMillis(200));
                  return state(user, notice) == DeliveryState.SENT;
                }))
        .isTrue();
    assertThat(wechat.calls(user)).isEqualTo(1);
  }

  Notice notice(boolean urgent) {
    String id = UUID.randomUUID().toString().substring(0, 8);
    return new Notice(
        urgent ? "outage" : "monthly_bill",
        "test:" + id,
        urgent ? "停电通知" : "电费账单通知",
        urgent ? "您好，您所在区域因故障停电，抢修人员正在处理，请您谅解。" : "您好，您的10月电费账单已出。",
        urgent,
        Map.of("id", id));
  }

  QueueEntry entry(ChannelUser user, Notice notice) {
    return new QueueEntry(user, notice, clock.instant());
  }

  Delivery delivery(ChannelUser user, Notice notice) {
    return deliveries.find(user, notice.key()).orElseThrow();
  }

  DeliveryState state(ChannelUser user, Notice notice) {
    return deliveries.find(user, notice.key()).map(Delivery::state).orElse(null);
  }

  int attempts(ChannelUser user, Notice notice) {
    return deliveries.find(user, notice.key()).map(Delivery::attempts).orElse(0);
  }

  boolean leased(ChannelUser user, Notice notice) {
    return deliveries.find(user, notice.key()).map(d -> d.leaseUntil() != null).orElse(true);
  }
}
