package io.gridbot.service.notification;

import io.gridbot.service.account.AccountService;
import io.gridbot.service.port.NotificationSender;
import io.gridbot.service.subscription.SubscriptionService;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Wires notification dispatch from {@link NotificationSettings}: the queue ({@code memory} or
 * {@code redis}), the dispatcher with every {@link NotificationSender} bean (one per channel), the
 * {@link NotificationPublisher}, and the workers, which start with the application context (unless
 * {@code gridbot.notifications.consume=false}) and stop before it closes.
 *
 * <p>A {@link Clock} bean, if the application has exactly one, is used; otherwise UTC system time.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationSettings.class)
class NotificationConfiguration {

  @Bean(destroyMethod = "")
  NotificationQueue notificationQueue(
      NotificationSettings settings, Environment environment, ObjectProvider<Clock> clock) {
    Clock time = clock.getIfUnique(Clock::systemUTC);
    return switch (settings.queue()) {
      case MEMORY -> new InMemoryNotificationQueue(time, settings.claimIdle());
      case REDIS -> {
        yield new RedisStreamQueue(
            rejectingClient(redisUrl(settings, environment)),
            settings.stream(),
            settings.group(),
            consumerName(settings),
            settings.batchSize(),
            settings.claimIdle(),
            Duration.ofMillis(500),
            time);
      }
    };
  }

  @Bean
  DefaultNotificationPublisher notificationPublisher(
      RecipientMapper recipients,
      SubscriptionService subscriptions,
      AccountService accounts,
      NotificationQueue queue,
      OutboxMapper outbox,
      PlatformTransactionManager transactions,
      NotificationSettings settings,
      ExecutorService notificationFanOuts,
      ObjectProvider<Clock> clock) {
    return new DefaultNotificationPublisher(
        recipients,
        subscriptions,
        accounts,
        queue,
        outbox,
        transactions,
        settings.pageSize(),
        settings.outbox(),
        notificationFanOuts,
        clock.getIfUnique(Clock::systemUTC));
  }

  /**
   * Runs area fan-outs after their commit: two at a time, the rest waiting; on shutdown the
   * unfinished ones are left to the outbox relay (their lease runs out).
   */
  @Bean(destroyMethod = "shutdownNow")
  ExecutorService notificationFanOuts() {
    AtomicInteger threads = new AtomicInteger();
    return Executors.newFixedThreadPool(
        2,
        r -> {
          Thread t = new Thread(r, "notification-fan-out-" + threads.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  /** The outbox relay, on unless {@code gridbot.notifications.outbox.relay=false}. */
  @Bean
  @ConditionalOnProperty(
      prefix = "gridbot.notifications.outbox",
      name = "relay",
      havingValue = "true",
      matchIfMissing = true)
  OutboxRelay notificationOutboxRelay(
      DefaultNotificationPublisher publisher,
      NotificationSettings settings,
      ObjectProvider<Clock> clock) {
    return new OutboxRelay(publisher, settings.outbox(), clock.getIfUnique(Clock::systemUTC));
  }

  /**
   * The per-channel rate limits: shared by all instances through Redis with the {@code redis}
   * queue, this instance's own with the in-process one.
   */
  @Bean(destroyMethod = "")
  RateLimiter notificationRateLimits(NotificationSettings settings, Environment environment) {
    if (settings.queue() == NotificationSettings.QueueKind.MEMORY) {
      return RateLimiter.local(settings::rateOf);
    }
    return new RedisRateLimiter(
        rejectingClient(redisUrl(settings, environment)),
        settings.stream() + ":rate",
        settings::rateOf,
        System::currentTimeMillis);
  }

  /**
   * A Redis client that fails at once while Redis is unreachable instead of buffering commands: the
   * outbox keeps a notice the queue could not take and the relay enqueues it later, and a rate
   * limit falls back to the instance's own, so nobody waits for Redis.
   */
  static RedisClient rejectingClient(String url) {
    RedisClient client = RedisClient.create(url);
    client.setOptions(
        ClientOptions.builder()
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .build());
    return client;
  }

  @Bean
  NotificationWorkers notificationWorkers(
      DeliveryMapper deliveries,
      SubscriptionService subscriptions,
      List<NotificationSender> senders,
      NotificationQueue queue,
      NotificationSettings settings,
      RateLimiter notificationRateLimits,
      ObjectProvider<Clock> clock) {
    NotificationDispatcher dispatcher =
        new NotificationDispatcher(
            deliveries,
            subscriptions,
            senders,
            settings,
            notificationRateLimits,
            clock.getIfUnique(Clock::systemUTC));
    return new NotificationWorkers(queue, dispatcher, notificationRateLimits, settings);
  }

  private static String redisUrl(NotificationSettings settings, Environment environment) {
    String url = settings.redisUrl();
    if (url == null || url.isBlank()) {
      url = environment.getProperty("gridbot.state.redis.url", "");
    }
    if (url.isBlank()) {
      throw new IllegalStateException(
          "gridbot.notifications.queue=redis needs gridbot.notifications.redis-url or"
              + " gridbot.state.redis.url");
    }
    return url;
  }

  private static String consumerName(NotificationSettings settings) {
    if (settings.consumer() != null && !settings.consumer().isBlank()) {
      return settings.consumer();
    }
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown";
    }
    return host + "-" + ManagementFactory.getRuntimeMXBean().getPid();
  }

  /** Starts the dispatch workers with the context and stops them (and the queue) with it. */
  static final class NotificationWorkers implements SmartLifecycle {

    private final NotificationQueue queue;
    private final NotificationDispatcher dispatcher;
    private final RateLimiter rateLimits;
    private final NotificationSettings settings;
    private volatile boolean running;

    NotificationWorkers(
        NotificationQueue queue,
        NotificationDispatcher dispatcher,
        RateLimiter rateLimits,
        NotificationSettings settings) {
      this.queue = queue;
      this.dispatcher = dispatcher;
      this.rateLimits = rateLimits;
      this.settings = settings;
    }

    @Override
    public void start() {
      if (settings.consume()) {
        queue.start(dispatcher, settings.workers());
      }
      running = true;
    }

    @Override
    public void stop() {
      if (settings.consume()) {
        queue.stop();
      }
      if (queue instanceof RedisStreamQueue redis) {
        redis.close();
      }
      if (rateLimits instanceof RedisRateLimiter shared) {
        shared.close();
      }
      running = false;
    }

    @Override
    public boolean isRunning() {
      return running;
    }
  }
}
