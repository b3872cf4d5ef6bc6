package io.gridbot.service.notification;

import io.gridbot.service.account.ChannelUser;
import java.time.Instant;
import java.util.Objects;

/**
 * One queue entry: one notice for one recipient.
 *
 * @param enqueuedAt when the notice was first enqueued (kept across retries), for latency figures
 */
record QueueEntry(ChannelUser recipient, Notice notice, Instant enqueuedAt) {

  QueueEntry {
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(notice, "notice");
    Objects.requireNonNull(enqueuedAt, "enqueuedAt");
  }

  /** For logs: the channel and the notice key, never the user id. */
  String describe() {
    return notice.key() + " to a " + recipient.channel() + " user";
  }
}
