package io.gridbot.service.notification;

import static io.gridbot.service.notification.TestSettings.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.service.account.AccountService;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.subscription.SubscriptionService;
import io.lettuce.core.RedisClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * An outage fanned out to 3,000 subscribers through Redis Streams, consumed by two instances, one
 * of which dies midway without acknowledging what it read: the other takes its entries over and
 * every subscriber gets the notice exactly once.
 */
@SpringBootTest(
    properties = {
      "gridbot.notifications.consume=false",
      "logging.level.io.gridbot.service=info",
      "spring.datasource.hikari.maximum-pool-size=12"
    })
@ActiveProfiles("it")
class RedisFanOutIT {

  private static final int SUBSCRIBERS = 3_000;

  @Autowired JdbcTemplate jdbc;
  @Autowired DeliveryMapper deliveries;
  @Autowired RecipientMapper recipients;
  @Autowired SubscriptionService subscriptions;
  @Autowired AccountService accounts;
  @Autowired PlatformTransactionManager transactions;
  @Autowired OutboxMapper outbox;

  private RedisClient client;
  private RedisStreamQueue first;
  private RedisStreamQueue second;
  private final String stream = "test:fanout:" + UUID.randomUUID();

  @BeforeEach
  void connect() {
    client = RedisClient.create(RedisStreamQueueIT.REDIS_URL);
    first = queue("instance-a");
    second = queue("instance-b");
  }

  @AfterEach
  void cleanUp() {
    first.stop();
    second.stop();
    try (var connection = client.connect()) {
      connection.sync().del(stream, first.laterKey(), first.deadKey());
    }
    first.close();
    second.close();
    client.shutdown();
  }

  @Test
  void every_subscriber_gets_an_outage_exactly_once_although_a_consumer_dies() {
    // given
    String area = Seed.newArea();
    List<ChannelUser> users = Seed.subscribers(jdbc, area, SUBSCRIBERS, "outage");
    RecordingSender wechat = new RecordingSender("wechat");
    NotificationSettings settings = TestSettings.settings(3);
    Clock clock = Clock.systemUTC();
    NotificationDispatcher dispatcher =
        new NotificationDispatcher(deliveries, subscriptions, List.of(wechat), settings, clock);
    AtomicInteger handledByFirst = new AtomicInteger();
    AtomicInteger handledBySecond = new AtomicInteger();
    first.start(
        entry -> {
          NotificationQueue.Disposition disposition = dispatcher.handle(entry);
          if (handledByFirst.incrementAndGet() == SUBSCRIBERS / 5) {
            first.halt(); // dies after sending, before acknowledging
          }
          return disposition;
        },
        4);
    second.start(
        entry -> {
          handledBySecond.incrementAndGet();
          return dispatcher.handle(entry);
        },
        4);
    DefaultNotificationPublisher publisher =
        new DefaultNotificationPublisher(
            recipients,
            subscriptions,
            accounts,
            first,
            outbox,
            transactions,
            500,
            NotificationSettings.Outbox.defaults(),
            Runnable::run,
            clock);
    Notice outage =
        new Notice(
            "outage",
            "outage:" + UUID.randomUUID().toString().substring(0, 8) + ":published",
            "停电通知",
            "您好，因线路故障，您所在区域目前停电，抢修人员正在全力处理，给您带来不便敬请谅解。",
            true,
            Map.of("area", area));

    // when
    publisher.toArea(area, outage);

    // then
    assertThat(await(Duration.ofSeconds(40), () -> sent(outage) == SUBSCRIBERS && pending() == 0))
        .as("all sent and acknowledged, sent %d, pending %d", sent(outage), pending())
        .isTrue();
    assertThat(handledByFirst.get()).isGreaterThanOrEqualTo(SUBSCRIBERS / 5);
    assertThat(handledBySecond.get()).isGreaterThan(SUBSCRIBERS / 2);
    Map<ChannelUser, Long> sends =
        wechat.sent().stream()
            .collect(Collectors.groupingBy(RecordingSender.Sent::recipient, Collectors.counting()));
    assertThat(sends).hasSize(SUBSCRIBERS).containsOnlyKeys(users);
    assertThat(sends.values()).containsOnly(1L);
    List<Delivery> records = deliveries.findByKey(outage.key());
    assertThat(records).hasSize(SUBSCRIBERS);
    assertThat(records).extracting(Delivery::state).containsOnly(DeliveryState.SENT);
    assertThat(records).extracting(Delivery::attempts).containsOnly(1);
    assertThat(records.stream().map(Delivery::recipient).collect(Collectors.toSet()))
        .isEqualTo(users.stream().collect(Collectors.toSet()));

    // when the same outage is published again
    int before = handledBySecond.get();
    publisher.toArea(area, outage);

    // then the surviving consumer drops every duplicate and nobody gets it twice
    assertThat(await(Duration.ofSeconds(20), () -> handledBySecond.get() - before >= SUBSCRIBERS))
        .isTrue();
    assertThat(await(Duration.ofSeconds(5), () -> pending() == 0)).isTrue();
    assertThat(wechat.sent()).hasSize(SUBSCRIBERS);
    assertThat(deliveries.findByKey(outage.key())).hasSize(SUBSCRIBERS);
  }

  private RedisStreamQueue queue(String consumer) {
    return new RedisStreamQueue(
        client,
        stream,
        "dispatchers",
        consumer,
        10,
        Duration.ofSeconds(1),
        Duration.ofMillis(100),
        Clock.systemUTC());
  }

  private int sent(Notice notice) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM notification_delivery WHERE notice_key = ? AND state = 'SENT'",
        Integer.class,
        notice.key());
  }

  private long pending() {
    try (var connection = client.connect()) {
      return connection.sync().xpending(stream, "dispatchers").getCount();
    }
  }
}
