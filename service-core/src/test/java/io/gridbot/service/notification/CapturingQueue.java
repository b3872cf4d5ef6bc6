package io.gridbot.service.notification;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A queue that only keeps what was enqueued. */
final class CapturingQueue implements NotificationQueue {

  final List<QueueEntry> entries = new CopyOnWriteArrayList<>();

  @Override
  public void enqueue(List<QueueEntry> batch) {
    entries.addAll(batch);
  }

  @Override
  public void start(Handler handler, int workers) {}

  @Override
  public void stop() {}

  List<io.gridbot.service.account.ChannelUser> recipients() {
    return entries.stream().map(QueueEntry::recipient).toList();
  }
}
