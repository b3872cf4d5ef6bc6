package io.gridbot.service.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queue of one process, for the embedded default: the same contract as {@link RedisStreamQueue}
 * within the process (an entry whose handler throws is handed out again after {@code
 * redeliverAfter}; later entries wait in a time-ordered set until due; dead letters are kept), but
 * everything queued is lost when the process stops. Unbounded.
 */
final class InMemoryNotificationQueue implements NotificationQueue {

  private static final Logger log = LoggerFactory.getLogger(InMemoryNotificationQueue.class);

  private final Clock clock;
  private final Duration redeliverAfter;
  private final BlockingQueue<QueueEntry> ready = new LinkedBlockingQueue<>();
  private final PriorityBlockingQueue<Scheduled> later =
      new PriorityBlockingQueue<>(64, Comparator.comparing(Scheduled::due));
  private final ConcurrentLinkedQueue<DeadLetter> deadLetters = new ConcurrentLinkedQueue<>();
  private final AtomicLong sequence = new AtomicLong();
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running;

  InMemoryNotificationQueue(Clock clock, Duration redeliverAfter) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.redeliverAfter = Objects.requireNonNull(redeliverAfter, "redeliverAfter");
  }

  /** An entry given up on, with the reason. */
  record DeadLetter(QueueEntry entry, String reason) {}

  @Override
  public void enqueue(List<QueueEntry> entries) {
    ready.addAll(entries);
  }

  @Override
  public synchronized void start(Handler handler, int workers) {
    if (running) {
      throw new IllegalStateException("already started");
    }
    running = true;
    for (int i = 0; i < workers; i++) {
      threads.add(daemon("notify-mem-" + i, () -> work(handler)));
    }
    threads.add(daemon("notify-mem-timer", this::promoteDue));
  }

  @Override
  public synchronized void stop() {
    running = false;
    for (Thread thread : threads) {
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    threads.clear();
  }

  /** Entries given up on, oldest first. */
  List<DeadLetter> deadLetters() {
    return List.copyOf(deadLetters);
  }

  /** Entries waiting for a later time, soonest first. */
  List<Instant> scheduledTimes() {
    return later.stream().map(Scheduled::due).sorted().toList();
  }

  private void work(Handler handler) {
    while (running) {
      QueueEntry entry;
      try {
        entry = ready.poll(100, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (entry != null) {
        handleOne(handler, entry);
      }
    }
  }

  private void handleOne(Handler handler, QueueEntry entry) {
    Disposition disposition;
    try {
      disposition = handler.handle(entry);
    } catch (RuntimeException e) {
      log.warn("handling {} failed, handing it out again later", entry.describe(), e);
      schedule(entry, clock.instant().plus(redeliverAfter));
      return;
    }
    if (disposition instanceof Disposition.Later later) {
      schedule(entry, later.at());
    } else if (disposition instanceof Disposition.Dead dead) {
      deadLetters.add(new DeadLetter(entry, dead.reason()));
      log.error("dead letter: {}: {}", entry.describe(), dead.reason());
    }
  }

  private void schedule(QueueEntry entry, Instant due) {
    later.add(new Scheduled(due, sequence.incrementAndGet(), entry));
  }

  private void promoteDue() {
    while (running) {
      Instant now = clock.instant();
      Scheduled head;
      while ((head = later.peek()) != null && !head.due().isAfter(now)) {
        if (later.remove(head)) {
          ready.add(head.entry());
        }
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  static Thread daemon(String name, Runnable task) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private record Scheduled(Instant due, long sequence, QueueEntry entry) {}
}
