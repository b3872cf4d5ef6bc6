package io.gridbot.service.notification;

import io.lettuce.core.Consumer;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.models.stream.ClaimedMessages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queue on Redis Streams, shared by every instance.
 *
 * <ul>
 *   <li>{@code <stream>}: the entries (field {@code e}, see {@link EntryCodec}), added with XADD
 *       and read by a consumer group with XREADGROUP by every worker of every instance; an entry is
 *       acknowledged (XACK) only after the handler recorded what happened, and then deleted (XDEL):
 *       the delivery record in the database is what stays, so the stream holds only work in flight.
 *   <li>Entries left unacknowledged (a consumer crashed, the handler threw) are taken over with
 *       XAUTOCLAIM by whichever worker looks next once they were idle for {@code claimIdle}.
 *   <li>{@code <stream>:later}: a sorted set of entries to hand out again at a time (retries with
 *       backoff, the end of quiet hours), scored by epoch milliseconds; a timer thread moves due
 *       ones to the stream atomically (a Lua script). An entry goes there before the original is
 *       acknowledged, so a crash in between duplicates it rather than losing it.
 *   <li>{@code <stream>:dead}: the dead letters (field {@code e} and {@code reason}), for staff;
 *       capped at about {@value #DEAD_LETTERS_KEPT} entries (each is also a DEAD delivery row).
 * </ul>
 */
final class RedisStreamQueue implements NotificationQueue {

  private static final Logger log = LoggerFactory.getLogger(RedisStreamQueue.class);

  private static final String FIELD = "e";

  /** Dead letters kept in Redis at most (roughly: trimmed with {@code MAXLEN ~}). */
  static final long DEAD_LETTERS_KEPT = 100_000;

  private static final XAddArgs DEAD_ARGS =
      XAddArgs.Builder.maxlen(DEAD_LETTERS_KEPT).approximateTrimming();

  /** Moves up to ARGV[2] members of KEYS[1] scored at most ARGV[1] to the stream KEYS[2]. */
  private static final String PROMOTE_DUE =
      "local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, ARGV[2])\n"
          + "for _, member in ipairs(due) do\n"
          + "  redis.call('ZREM', KEYS[1], member)\n"
          + "  redis.call('XADD', KEYS[2], '*', 'e', member)\n"
          + "end\n"
          + "return #due";

  private final RedisClient client;
  private final String stream;
  private final String laterKey;
  private final String deadKey;
  private final String group;
  private final String consumerPrefix;
  private final int batchSize;
  private final Duration claimIdle;
  private final Duration block;
  private final Clock clock;
  private final StatefulRedisConnection<String, String> shared;
  private final List<Worker> workers = new ArrayList<>();
  private Thread timer;
  private volatile boolean running;

  RedisStreamQueue(
      RedisClient client,
      String stream,
      String group,
      String consumerPrefix,
      int batchSize,
      Duration claimIdle,
      Duration block,
      Clock clock) {
    this.client = Objects.requireNonNull(client, "client");
    this.stream = Objects.requireNonNull(stream, "stream");
    this.laterKey = stream + ":later";
    this.deadKey = stream + ":dead";
    this.group = Objects.requireNonNull(group, "group");
    this.consumerPrefix = Objects.requireNonNull(consumerPrefix, "consumerPrefix");
    this.batchSize = batchSize;
    this.claimIdle = Objects.requireNonNull(claimIdle, "claimIdle");
    this.block = Objects.requireNonNull(block, "block");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.shared = client.connect();
  }

  String stream() {
    return stream;
  }

  String laterKey() {
    return laterKey;
  }

  String deadKey() {
    return deadKey;
  }

  @Override
  public void enqueue(List<QueueEntry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    // async commands on one connection are pipelined: one round trip for the whole page
    List<RedisFuture<String>> added = new ArrayList<>(entries.size());
    for (QueueEntry entry : entries) {
      added.add(shared.async().xadd(stream, Map.of(FIELD, EntryCodec.encode(entry))));
    }
    for (RedisFuture<String> future : added) {
      await(future);
    }
  }

  @Override
  public synchronized void start(Handler handler, int count) {
    if (running) {
      throw new IllegalStateException("already started");
    }
    createGroup();
    running = true;
    for (int i = 0; i < count; i++) {
      Worker worker = new Worker(consumerPrefix + "-" + i, handler);
      workers.add(worker);
      worker.thread = InMemoryNotificationQueue.daemon("notify-" + worker.consumer, worker);
    }
    timer = InMemoryNotificationQueue.daemon("notify-timer-" + consumerPrefix, this::timer);
  }

  @Override
  public synchronized void stop() {
    running = false;
    for (Worker worker : workers) {
      join(worker.thread);
    }
    join(timer);
    workers.clear();
  }

  /**
   * Stops at once without acknowledging anything more, as a crash would: entries read but not
   * acknowledged stay pending for other consumers to reclaim. For tests.
   */
  synchronized void halt() {
    running = false;
    for (Worker worker : workers) {
      worker.halted = true;
    }
    stop();
  }

  /** Closes the connections; call after {@link #stop()}. */
  void close() {
    shared.close();
  }

  /** Moves the entries due by now from the later set to the stream; returns how many. */
  long promoteDue() {
    Long moved =
        shared
            .sync()
            .eval(
                PROMOTE_DUE,
                ScriptOutputType.INTEGER,
                new String[] {laterKey, stream},
                Long.toString(clock.millis()),
                "500");
    return moved == null ? 0 : moved;
  }

  private void createGroup() {
    try {
      shared
          .sync()
          .xgroupCreate(
              XReadArgs.StreamOffset.from(stream, "0"),
              group,
              new XGroupCreateArgs().mkstream(true));
    } catch (RedisBusyException e) {
      // BUSYGROUP: another instance created it
    }
  }

  private void timer() {
    while (running) {
      try {
        while (promoteDue() > 0 && running) {
          // more may be due
        }
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.warn("moving due notification entries to {} failed", stream, e);
        sleepQuietly(1_000);
      }
    }
  }

  private final class Worker implements Runnable {

    private final String consumer;
    private final Handler handler;
    private volatile boolean halted;
    private Thread thread;
    private long nextClaim;

    Worker(String consumer, Handler handler) {
      this.consumer = consumer;
      this.handler = handler;
    }

    @Override
    public void run() {
      try (StatefulRedisConnection<String, String> connection = client.connect()) {
        RedisCommands<String, String> redis = connection.sync();
        while (running && !halted) {
          try {
            for (StreamMessage<String, String> message : read(redis)) {
              if (halted) {
                return;
              }
              handle(redis, message);
            }
          } catch (RuntimeException e) {
            if (running && !halted) {
              log.warn("notification consumer {} failed, retrying", consumer, e);
              sleepQuietly(1_000);
            }
          }
        }
      }
    }

    /** Entries idle too long in anyone's pending list first, then new ones. */
    private List<StreamMessage<String, String>> read(RedisCommands<String, String> redis) {
      long now = System.currentTimeMillis();
      if (now >= nextClaim) {
        ClaimedMessages<String, String> claimed =
            redis.xautoclaim(
                stream,
                new XAutoClaimArgs<String>()
                    .consumer(Consumer.from(group, consumer))
                    .minIdleTime(claimIdle)
                    .startId("0-0")
                    .count(batchSize));
        List<StreamMessage<String, String>> messages = claimed.getMessages();
        if (!messages.isEmpty()) {
          log.info(
              "consumer {} took over {} idle entries of {}", consumer, messages.size(), stream);
          return messages;
        }
        nextClaim = now + Math.max(100, claimIdle.toMillis() / 4);
      }
      List<StreamMessage<String, String>> fresh =
          redis.xreadgroup(
              Consumer.from(group, consumer),
              XReadArgs.Builder.block(block).count(batchSize),
              XReadArgs.StreamOffset.lastConsumed(stream));
      return fresh == null ? List.of() : fresh;
    }

    private void handle(
        RedisCommands<String, String> redis, StreamMessage<String, String> message) {
      String encoded = message.getBody() == null ? null : message.getBody().get(FIELD);
      QueueEntry entry;
      try {
        entry = EntryCodec.decode(encoded);
      } catch (IllegalArgumentException e) {
        // a deleted entry (XAUTOCLAIM returns no body) or garbage: keep it for staff, never retry
        redis.xadd(
            deadKey,
            DEAD_ARGS,
            Map.of(FIELD, encoded == null ? "" : encoded, "reason", "unreadable entry"));
        done(redis, message);
        log.error("unreadable notification entry {} moved to {}", message.getId(), deadKey);
        return;
      }
      Disposition disposition;
      try {
        disposition = handler.handle(entry);
      } catch (RuntimeException e) {
        log.warn("handling {} failed; it stays pending and is retried", entry.describe(), e);
        return;
      }
      if (halted) {
        return;
      }
      if (disposition instanceof Disposition.Later later) {
        redis.zadd(laterKey, (double) later.at().toEpochMilli(), EntryCodec.encode(entry));
      } else if (disposition instanceof Disposition.Dead dead) {
        redis.xadd(
            deadKey,
            DEAD_ARGS,
            Map.of(FIELD, EntryCodec.encode(entry), "reason", dead.reason(), "at", now()));
        log.error("dead letter: {}: {}", entry.describe(), dead.reason());
      }
      done(redis, message);
    }

    /** Acknowledges a handled entry and deletes it: the stream keeps only work in flight. */
    private void done(RedisCommands<String, String> redis, StreamMessage<String, String> message) {
      redis.xack(stream, group, message.getId());
      redis.xdel(stream, message.getId());
    }
  }

  /** The entries of the dead-letter stream, oldest first, at most {@code limit}. */
  List<Map<String, String>> deadLetters(int limit) {
    return shared.sync().xrange(deadKey, Range.create("-", "+"), Limit.from(limit)).stream()
        .map(StreamMessage::getBody)
        .toList();
  }

  private String now() {
    return Instant.now(clock).toString();
  }

  private static <T> T await(RedisFuture<T> future) {
    try {
      return future.get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while enqueueing notifications", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("enqueueing notifications failed", e);
    }
  }

  private static void join(Thread thread) {
    if (thread == null || thread == Thread.currentThread()) {
      return;
    }
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
