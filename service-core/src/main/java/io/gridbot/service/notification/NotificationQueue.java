package io.gridbot.service.notification;

import java.time.Instant;
import java.util.List;

/**
 * Carries queue entries from the publisher to the dispatcher, at least once. An entry is removed
 * (acknowledged) only after the handler returned a {@link Disposition}; if the handler throws or
 * the consumer dies, the entry is handed out again (to any consumer) after an idle time. A delivery
 * may therefore be handled twice: the dispatcher deduplicates in the database.
 *
 * <p>Implementations: {@link RedisStreamQueue} (Redis Streams, shared by all instances) and {@link
 * InMemoryNotificationQueue} (one process, the embedded default); chosen by {@code
 * gridbot.notifications.queue}.
 */
interface NotificationQueue {

  /**
   * Adds the entries; returns once they are stored.
   *
   * @throws RuntimeException if they could not be stored (e.g. Redis is down); none or some of them
   *     may have been added
   */
  void enqueue(List<QueueEntry> entries);

  /** Starts consuming with {@code workers} threads that each pass entries to the handler. */
  void start(Handler handler, int workers);

  /** Stops consuming; an entry being handled is finished and acknowledged first. */
  void stop();

  /** Handles one entry; throwing leaves the entry in the queue to be handed out again later. */
  @FunctionalInterface
  interface Handler {
    Disposition handle(QueueEntry entry);
  }

  /** What the queue does with an entry once it was handled. */
  sealed interface Disposition {

    /** Handled (sent, failed for good and recorded, or a duplicate): remove it. */
    record Done() implements Disposition {}

    /** Hand it out again at {@code at} (a retry, the end of quiet hours, a busy lease). */
    record Later(Instant at) implements Disposition {}

    /** Move it to the dead letters with the reason, for staff. */
    record Dead(String reason) implements Disposition {}

    Disposition DONE = new Done();
  }
}
