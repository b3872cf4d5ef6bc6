package io.gridbot.service.notification;

import io.gridbot.service.account.ChannelUser;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Seeds many accounts, bindings and subscriptions with multi-row inserts (plain JDBC), for
 * fan-outs. Area codes are unique per seed so that tests do not see each other's rows.
 */
final class Seed {

  private static final int CHUNK = 1000;

  private Seed() {}

  /** A fresh area code prefix, e.g. {@code CN-T1a2b3c4}. */
  static String newArea() {
    return "CN-T" + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * {@code count} (at most 999,999) active accounts in the area, each bound to one fresh wechat
   * user who subscribed to {@code kind} for it (none when kind is null).
   *
   * @return the users, in binding order
   */
  static List<ChannelUser> subscribers(JdbcTemplate jdbc, String area, int count, String kind) {
    jdbc.update("INSERT INTO customer (name) VALUES (?)", area);
    long customer =
        jdbc.queryForObject("SELECT MAX(id) FROM customer WHERE name = ?", Long.class, area);
    String run = String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    Timestamp now = Timestamp.from(Instant.now());
    List<ChannelUser> users = new ArrayList<>(count);
    for (int from = 0; from < count; from += CHUNK) {
      int to = Math.min(count, from + CHUNK);
      List<Object> accounts = new ArrayList<>();
      List<Object> bindings = new ArrayList<>();
      List<Object> subscriptions = new ArrayList<>();
      for (int i = from; i < to; i++) {
        String accountNo = "9" + run + String.format("%06d", i);
        ChannelUser user = new ChannelUser("wechat", "oFan-" + area + "-" + i);
        users.add(user);
        Collections.addAll(accounts, accountNo, customer, area + "-" + (i % 7));
        Collections.addAll(bindings, user.channel(), user.userId(), accountNo, now);
        Collections.addAll(subscriptions, user.channel(), user.userId(), kind, accountNo, now, now);
      }
      int rows = to - from;
      jdbc.update(
          "INSERT INTO account (account_no, customer_id, billing_mode, address, area_code,"
              + " registered_phone) VALUES "
              + values("(?, ?, 'POSTPAID', '测试地址', ?, '13900001234')", rows),
          accounts.toArray());
      jdbc.update(
          "INSERT INTO channel_binding (channel, channel_user_id, account_no, verified_at,"
              + " is_default) VALUES "
              + values("(?, ?, ?, ?, TRUE)", rows),
          bindings.toArray());
      if (kind != null) {
        jdbc.update(
            "INSERT INTO notification_subscription (channel, channel_user_id, kind, account_no,"
                + " active, created_at, updated_at) VALUES "
                + values("(?, ?, ?, ?, TRUE, ?, ?)", rows),
            subscriptions.toArray());
      }
    }
    return users;
  }

  private static String values(String row, int rows) {
    return String.join(", ", Collections.nCopies(rows, row));
  }
}
