package io.gridbot.service.outage;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.notification.Notice;
import io.gridbot.service.notification.NotificationPublisher;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers every notice published, with its recipient; safe for concurrent tests. */
public class RecordingPublisher implements NotificationPublisher {

  /**
   * One notice handed over.
   *
   * @param recipient {@code user:<channel>:<id>}, {@code account:<no>} or {@code area:<prefix>}
   */
  public record Sent(String recipient, Notice notice) {}

  private final List<Sent> sent = new CopyOnWriteArrayList<>();

  @Override
  public void toUser(ChannelUser user, Notice notice) {
    sent.add(new Sent("user:" + user.channel() + ":" + user.userId(), notice));
  }

  @Override
  public void toAccount(AccountNo account, Notice notice) {
    sent.add(new Sent("account:" + account.value(), notice));
  }

  @Override
  public void toArea(String areaCodePrefix, Notice notice) {
    sent.add(new Sent("area:" + areaCodePrefix, notice));
  }

  /** Notices to the user, in the order they were published. */
  public List<Notice> toUser(ChannelUser user) {
    return to("user:" + user.channel() + ":" + user.userId());
  }

  /** Notices to the area prefix, in the order they were published. */
  public List<Notice> toArea(String areaCodePrefix) {
    return to("area:" + areaCodePrefix);
  }

  private List<Notice> to(String recipient) {
    return sent.stream().filter(s -> s.recipient().equals(recipient)).map(Sent::notice).toList();
  }
}
