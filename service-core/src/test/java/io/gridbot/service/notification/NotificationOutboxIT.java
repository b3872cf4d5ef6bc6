package io.gridbot.service.notification;

import static io.gridbot.service.TestData.anAccount;
import static io.gridbot.service.TestData.newWechatUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.service.MutableClock;
import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.AccountService;
import io.gridbot.service.account.BindingService;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.subscription.SubscriptionService;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notification outbox on MariaDB: a notice committed with the change it is about is enqueued
 * even when the publishing instance dies or the queue is down at that moment, by the relay of
 * another instance once the lease has passed, and an interrupted area fan-out resumes where it
 * stopped: every recipient is enqueued, none twice.
 */
@SpringBootTest(
    properties = {
      "gridbot.notifications.consume=false",
      "gridbot.notifications.outbox.relay=false",
      "spring.datasource.hikari.maximum-pool-size=12"
    })
@ActiveProfiles("it")
class NotificationOutboxIT {

  @Autowired RecipientMapper recipients;
  @Autowired SubscriptionService subscriptions;
  @Autowired BindingService bindings;
  @Autowired AccountService accounts;
  @Autowired PlatformTransactionManager transactions;
  @Autowired OutboxMapper outbox;
  @Autowired JdbcTemplate jdbc;

  private final MutableClock clock =
      new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS).plus(Duration.ofDays(400)));
  private final NotificationSettings.Outbox settings = NotificationSettings.Outbox.defaults();

  @Test
  void a_committed_notice_is_enqueued_and_marked_done_and_a_rolled_back_one_leaves_nothing() {
    // given
    ChannelUser user = newWechatUser();
    Notice committed = notice("progress");
    Notice rolledBack = notice("progress");
    Faulty queue = new Faulty();
    DefaultNotificationPublisher publisher = publisher(queue, 7);

    // when
    inTransaction(() -> publisher.toUser(user, committed), false);
    inTransaction(() -> publisher.toUser(user, rolledBack), true);

    // then
    assertThat(queue.recipients()).containsExactly(user);
    assertThat(row(committed)).containsEntry("state", "DONE").containsEntry("recipients", 1);
    assertThat(rows(rolledBack)).isZero();
  }

  @Test
  void a_queue_down_at_commit_time_loses_nothing_the_relay_enqueues_it_after_the_backoff() {
    // given a committed change whose notice cannot be enqueued
    AccountNo no = anAccount().insert(jdbc).accountNo();
    ChannelUser owner = newWechatUser();
    bindings.bind(owner, no, "1234");
    Notice payment = notice("payment");
    Faulty queue = new Faulty();
    queue.down = true;
    DefaultNotificationPublisher publisher = publisher(queue, 7);

    // when
    inTransaction(() -> publisher.toAccount(no, payment), false);

    // then the caller's transaction committed, the notice waits in the outbox
    assertThat(queue.entries).isEmpty();
    assertThat(row(payment))
        .containsEntry("state", "PENDING")
        .containsEntry("attempts", 1)
        .hasEntrySatisfying("last_error", e -> assertThat((String) e).contains("queue is down"));

    // when the queue is back but the backoff has not passed
    queue.down = false;
    clock.advance(Duration.ofSeconds(10));
    publisher.relay(100);

    // then
    assertThat(queue.recipients(payment)).isEmpty();

    // when it has
    clock.advance(settings.retryBase());
    publisher.relay(100);

    // then
    assertThat(queue.recipients(payment)).containsExactly(owner);
    assertThat(row(payment)).containsEntry("state", "DONE").containsEntry("recipients", 1);
  }

  @Test
  void an_instance_dying_after_the_commit_leaves_the_notice_to_another_instance_after_the_lease() {
    // given
    ChannelUser user = newWechatUser();
    Notice notice = notice("progress");
    Faulty dying = new Faulty();
    dying.dieAfterPages = 0;
    DefaultNotificationPublisher first = publisher(dying, 7);
    Faulty healthy = new Faulty();
    DefaultNotificationPublisher second = publisher(healthy, 7);

    // when the first instance dies between the commit and the enqueue
    assertThatThrownBy(() -> inTransaction(() -> first.toUser(user, notice), false))
        .isInstanceOf(Death.class);

    // then the notice is pending, untried
    assertThat(row(notice)).containsEntry("state", "PENDING").containsEntry("attempts", 0);

    // when another instance's relay runs within the lease, then after it
    second.relay(100);
    assertThat(healthy.recipients(notice)).isEmpty();
    clock.advance(settings.lease().plusSeconds(1));
    second.relay(100);

    // then
    assertThat(healthy.recipients(notice)).containsExactly(user);
    assertThat(row(notice)).containsEntry("state", "DONE");
  }

  @Test
  void an_area_fan_out_interrupted_midway_resumes_after_its_last_page_every_subscriber_once() {
    // given 20 subscribers of an area, pages of 7; the first instance dies after two pages
    String area = Seed.newArea();
    List<ChannelUser> subscribers = Seed.subscribers(jdbc, area, 20, "outage");
    Notice outage = notice("outage");
    Faulty dying = new Faulty();
    dying.dieAfterPages = 2;
    DefaultNotificationPublisher first = publisher(dying, 7);
    Faulty healthy = new Faulty();
    DefaultNotificationPublisher second = publisher(healthy, 7);

    // when
    assertThatThrownBy(() -> inTransaction(() -> first.toArea(area, outage), false))
        .isInstanceOf(Death.class);

    // then two pages went out and were recorded
    assertThat(dying.entries).hasSize(14);
    assertThat(row(outage)).containsEntry("state", "PENDING").containsEntry("recipients", 14);

    // when the lease passes and another instance relays it
    clock.advance(settings.lease().plusSeconds(1));
    second.relay(100);

    // then the rest, and nobody twice
    assertThat(healthy.recipients(outage)).hasSize(6);
    List<ChannelUser> all = new ArrayList<>(dying.recipients(outage));
    all.addAll(healthy.recipients(outage));
    assertThat(all).containsExactlyElementsOf(subscribers);
    assertThat(row(outage)).containsEntry("state", "DONE").containsEntry("recipients", 20);
  }

  @Test
  void an_area_fan_out_runs_after_the_commit_on_the_fan_out_executor_or_is_left_to_the_relay() {
    // given an executor that runs what it gets only when told, and one shut down
    String area = Seed.newArea();
    List<ChannelUser> subscribers = Seed.subscribers(jdbc, area, 5, "outage");
    List<Runnable> handedOver = new ArrayList<>();
    Faulty queue = new Faulty();
    DefaultNotificationPublisher publisher =
        new DefaultNotificationPublisher(
            recipients,
            subscriptions,
            accounts,
            queue,
            outbox,
            transactions,
            7,
            settings,
            handedOver::add,
            clock);
    DefaultNotificationPublisher shutDown =
        new DefaultNotificationPublisher(
            recipients,
            subscriptions,
            accounts,
            queue,
            outbox,
            transactions,
            7,
            settings,
            task -> {
              throw new java.util.concurrent.RejectedExecutionException("shut down");
            },
            clock);
    Notice first = notice("outage");
    Notice second = notice("outage");

    // when
    inTransaction(() -> publisher.toArea(area, first), false);
    inTransaction(() -> shutDown.toArea(area, second), false);

    // then the committer did not wait for the recipients
    assertThat(queue.recipients(first)).isEmpty();
    assertThat(handedOver).hasSize(1);

    // when the executor runs the fan-out, and the relay takes the refused one after the lease
    handedOver.get(0).run();
    clock.advance(settings.lease().plusSeconds(1));
    publisher.relay(100);

    // then
    assertThat(queue.recipients(first)).containsExactlyElementsOf(subscribers);
    assertThat(queue.recipients(second)).containsExactlyElementsOf(subscribers);
    assertThat(row(first)).containsEntry("state", "DONE");
    assertThat(row(second)).containsEntry("state", "DONE");
  }

  @Test
  void two_relays_at_once_take_each_left_notice_once() throws Exception {
    // given 12 notices left behind by a dead instance
    Faulty dying = new Faulty();
    dying.dieAfterPages = 0;
    DefaultNotificationPublisher dead = publisher(dying, 7);
    List<ChannelUser> users = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      ChannelUser user = newWechatUser();
      users.add(user);
      assertThatThrownBy(() -> inTransaction(() -> dead.toUser(user, notice("progress")), false))
          .isInstanceOf(Death.class);
    }
    clock.advance(settings.lease().plusSeconds(1));
    Faulty a = new Faulty();
    Faulty b = new Faulty();
    DefaultNotificationPublisher relayA = publisher(a, 7);
    DefaultNotificationPublisher relayB = publisher(b, 7);
    CountDownLatch go = new CountDownLatch(1);

    // when
    CompletableFuture<Integer> takenA = CompletableFuture.supplyAsync(() -> relay(go, relayA));
    CompletableFuture<Integer> takenB = CompletableFuture.supplyAsync(() -> relay(go, relayB));
    go.countDown();
    int taken = takenA.get() + takenB.get();

    // then
    List<ChannelUser> enqueued = new ArrayList<>(a.recipients());
    enqueued.addAll(b.recipients());
    assertThat(enqueued).containsAll(users);
    assertThat(enqueued.stream().filter(users::contains)).hasSize(12);
    assertThat(taken).isGreaterThanOrEqualTo(12);
  }

  @Test
  void outside_a_transaction_a_queue_failure_is_kept_for_the_relay_not_thrown() {
    // given
    ChannelUser user = newWechatUser();
    Notice notice = notice("progress");
    Faulty queue = new Faulty();
    queue.down = true;

    // when
    publisher(queue, 7).toUser(user, notice);

    // then
    assertThat(row(notice)).containsEntry("state", "PENDING").containsEntry("attempts", 1);
  }

  @Test
  void done_notices_are_forgotten_after_the_keep_period_pending_ones_never() {
    // given
    Faulty queue = new Faulty();
    DefaultNotificationPublisher publisher = publisher(queue, 7);
    Notice done = notice("progress");
    Notice pending = notice("progress");
    publisher.toUser(newWechatUser(), done);
    queue.down = true;
    publisher.toUser(newWechatUser(), pending);

    // when
    clock.advance(settings.keep().plusMinutes(1));
    publisher.purge();

    // then
    assertThat(rows(done)).isZero();
    assertThat(row(pending)).containsEntry("state", "PENDING");
  }

  private int relay(CountDownLatch go, DefaultNotificationPublisher publisher) {
    try {
      go.await();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
    int total = 0;
    int taken;
    do {
      taken = publisher.relay(3);
      total += taken;
    } while (taken > 0);
    return total;
  }

  private DefaultNotificationPublisher publisher(NotificationQueue queue, int pageSize) {
    return new DefaultNotificationPublisher(
        recipients,
        subscriptions,
        accounts,
        queue,
        outbox,
        transactions,
        pageSize,
        settings,
        Runnable::run,
        clock);
  }

  private void inTransaction(Runnable work, boolean rollBack) {
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            status -> {
              work.run();
              if (rollBack) {
                status.setRollbackOnly();
              }
            });
  }

  private Map<String, Object> row(Notice notice) {
    return jdbc.queryForMap(
        "SELECT state, attempts, recipients, last_error FROM notification_outbox WHERE notice_key = ?",
        notice.key());
  }

  private int rows(Notice notice) {
    Integer count =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM notification_outbox WHERE notice_key = ?",
            Integer.class,
            notice.key());
    return count == null ? 0 : count;
  }

  private static Notice notice(String kind) {
    return new Notice(
        kind, kind + ":outbox:" + System.nanoTime(), "通知", "您好，这是一条测试通知。", true, Map.of());
  }

  /** A process dying: not an exception anybody handles. */
  static final class Death extends Error {
    Death() {
      super("the instance died");
    }
  }

  /** A queue that can be down, or kill its instance after some pages. */
  static final class Faulty implements NotificationQueue {
    final List<QueueEntry> entries = new CopyOnWriteArrayList<>();
    volatile boolean down;
    volatile int dieAfterPages = -1;
    private int pages;

    @Override
    public synchronized void enqueue(List<QueueEntry> batch) {
      if (down) {
        throw new IllegalStateException("the queue is down");
      }
      if (dieAfterPages >= 0 && pages >= dieAfterPages) {
        throw new Death();
      }
      pages++;
      entries.addAll(batch);
    }

    @Override
    public void start(Handler handler, int workers) {}

    @Override
    public void stop() {}

    List<ChannelUser> recipients() {
      return entries.stream().map(QueueEntry::recipient).toList();
    }

    /** The recipients of one notice (a relay also takes what other tests left behind). */
    List<ChannelUser> recipients(Notice notice) {
      return entries.stream()
          .filter(e -> e.notice().key().equals(notice.key()))
          .map(QueueEntry::recipient)
          .toList();
    }
  }
}
