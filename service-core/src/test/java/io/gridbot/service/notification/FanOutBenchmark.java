package io.gridbot.service.notification;

import io.gridbot.service.ServiceCoreTestApplication;
import io.gridbot.service.account.AccountService;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.port.NotificationSender;
import io.gridbot.service.subscription.SubscriptionService;
import io.lettuce.core.RedisClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Not a test: fans an outage out to 100,000 subscribers through a Redis stream to a stubbed sender
 * and prints messages per second and the p99 enqueue-to-send latency. Needs the local MariaDB
 * (database {@code gridbot.test.db.name}, default {@code test_notifications}, which it wipes) and
 * Redis at 127.0.0.1:6379.
 *
 * <pre>
 * ./mvnw -pl service-core test-compile exec:exec -Dexec.executable=java \
 *   -Dexec.classpathScope=test \
 *   -Dexec.args="-cp %classpath io.gridbot.service.notification.FanOutBenchmark"
 * </pre>
 *
 * Optional system properties: {@code subscribers} (100000), {@code workers} (16).
 */
public final class FanOutBenchmark {

  private FanOutBenchmark() {}

  public static void main(String[] args) throws Exception {
    int subscribers = Integer.getInteger("subscribers", 100_000);
    int workers = Integer.getInteger("workers", 16);
    String database = System.getProperty("gridbot.test.db.name", "test_notifications");
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(ServiceCoreTestApplication.class)
            .profiles("it")
            // arguments, so that they win over the test application.yml
            .run(
                "--gridbot.test.db.name=" + database,
                "--gridbot.notifications.consume=false",
                "--spring.flyway.locations=classpath:db/migration",
                "--spring.datasource.hikari.maximum-pool-size=" + (workers + 4),
                "--logging.level.io.gridbot.service=warn",
                "--spring.main.banner-mode=off")) {
      run(context, subscribers, workers);
    }
  }

  private static void run(ConfigurableApplicationContext context, int subscribers, int workers)
      throws InterruptedException {
    JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
    String area = Seed.newArea();
    long seedStart = System.nanoTime();
    Seed.subscribers(jdbc, area, subscribers, "outage");
    System.out.printf(
        "seeded %,d accounts, bindings and subscriptions in %.1f s%n",
        subscribers, (System.nanoTime() - seedStart) / 1e9);

    LatencySender sender = new LatencySender(subscribers);
    NotificationSettings settings = TestSettings.settings(3);
    Clock clock = Clock.systemUTC();
    NotificationDispatcher dispatcher =
        new NotificationDispatcher(
            context.getBean(DeliveryMapper.class),
            context.getBean(SubscriptionService.class),
            List.of(sender),
            settings,
            clock);
    RedisClient client = RedisClient.create("redis://127.0.0.1:6379");
    String stream = "bench:notify:" + UUID.randomUUID();
    RedisStreamQueue queue =
        new RedisStreamQueue(
            client,
            stream,
            "dispatchers",
            "bench",
            32,
            Duration.ofSeconds(60),
            Duration.ofMillis(100),
            clock);
    DefaultNotificationPublisher publisher =
        new DefaultNotificationPublisher(
            context.getBean(RecipientMapper.class),
            context.getBean(SubscriptionService.class),
            context.getBean(AccountService.class),
            queue,
            context.getBean(OutboxMapper.class),
            context.getBean(PlatformTransactionManager.class),
            1000,
            NotificationSettings.Outbox.defaults(),
            Runnable::run,
            clock);
    Notice outage =
        new Notice(
            "outage",
            "outage:bench-" + UUID.randomUUID().toString().substring(0, 8),
            "停电通知",
            "您好，因线路故障，您所在区域目前停电，抢修人员正在全力处理，给您带来不便敬请谅解。",
            true,
            Map.of("area", area));
    try {
      queue.start(
          entry -> {
            NotificationQueue.Disposition disposition = dispatcher.handle(entry);
            sender.recorded(entry);
            return disposition;
          },
          workers);
      long start = System.nanoTime();
      publisher.toArea(area, outage);
      double enqueued = (System.nanoTime() - start) / 1e9;
      while (sender.count() < subscribers) {
        Thread.sleep(50);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "fan-out of %,d: enqueued in %.1f s (%,.0f/s); all sent in %.1f s: %,.0f messages/s"
              + " with %d workers; enqueue-to-send latency p50 %,d ms, p99 %,d ms, max %,d ms%n",
          subscribers,
          enqueued,
          subscribers / enqueued,
          seconds,
          subscribers / seconds,
          workers,
          sender.percentile(0.50),
          sender.percentile(0.99),
          sender.percentile(1.0));
    } finally {
      queue.stop();
      try (var connection = client.connect()) {
        connection.sync().del(stream, queue.laterKey(), queue.deadKey());
      }
      queue.close();
      client.shutdown();
    }
  }

  /**
   * Answers SENT at once; keeps each entry's latency from enqueueing to its delivery being sent and
   * recorded.
   */
  private static final class LatencySender implements NotificationSender {

    private final AtomicLongArray latencies;
    private final AtomicInteger count = new AtomicInteger();

    LatencySender(int capacity) {
      this.latencies = new AtomicLongArray(capacity);
    }

    @Override
    public String channel() {
      return "wechat";
    }

    @Override
    public Delivery send(ChannelUser recipient, Notice notice) {
      return new Delivery(Outcome.SENT, "stub");
    }

    void recorded(QueueEntry entry) {
      int i = count.getAndIncrement();
      if (i < latencies.length()) {
        latencies.set(i, System.currentTimeMillis() - entry.enqueuedAt().toEpochMilli());
      }
    }

    int count() {
      return count.get();
    }

    long percentile(double p) {
      int n = Math.min(count.get(), latencies.length());
      long[] sorted = new long[n];
      for (int i = 0; i < n; i++) {
        sorted[i] = latencies.get(i);
      }
      Arrays.sort(sorted);
      return sorted[Math.max(0, (int) Math.ceil(p * n) - 1)];
    }
  }
}
