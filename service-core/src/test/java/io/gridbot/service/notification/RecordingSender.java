package io.gridbot.service.notification;

import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.port.NotificationSender;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A sender that records what it was asked to send and answers SENT, or the outcomes scripted per
 * user id in order.
 */
final class RecordingSender implements NotificationSender {

  private final String channel;
  private final ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
  private final Map<String, Deque<Outcome>> scripted = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

  RecordingSender(String channel) {
    this.channel = channel;
  }

  record Sent(ChannelUser recipient, Notice notice, long atNanos) {}

  /** The next sends to the user answer these outcomes, then SENT. */
  void script(ChannelUser user, Outcome... outcomes) {
    scripted.put(user.userId(), new ArrayDeque<>(List.of(outcomes)));
  }

  List<Sent> sent() {
    return List.copyOf(sent);
  }

  int calls(ChannelUser user) {
    AtomicInteger count = calls.get(user.userId());
    return count == null ? 0 : count.get();
  }

  @Override
  public String channel() {
    return channel;
  }

  @Override
  public Delivery send(ChannelUser recipient, Notice notice) {
    calls.computeIfAbsent(recipient.userId(), id -> new AtomicInteger()).incrementAndGet();
    Deque<Outcome> outcomes = scripted.get(recipient.userId());
    Outcome outcome = outcomes == null || outcomes.isEmpty() ? Outcome.SENT : outcomes.poll();
    if (outcome == Outcome.SENT) {
      sent.add(new Sent(recipient, notice, System.nanoTime()));
      return new Delivery(Outcome.SENT, "msg-" + sent.size());
    }
    return new Delivery(outcome, outcome == Outcome.RETRY ? "busy, try later" : "user unfollowed");
  }
}
