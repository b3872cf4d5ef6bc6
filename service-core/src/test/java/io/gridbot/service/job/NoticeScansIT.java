package io.gridbot.service.job;

import static io.gridbot.service.TestData.aBill;
import static io.gridbot.service.TestData.anAccount;
import static io.gridbot.service.TestData.newWechatUser;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.BindingService;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.notification.Notice;
import io.gridbot.service.notification.NotificationPublisher;
import io.gridbot.service.notification.NotificationSettings;
import io.gridbot.service.subscription.SubscriptionService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The scans against MariaDB. They see every row of the shared test schema, so assertions only look
 * at the accounts each test creates.
 */
@SpringBootTest(
    properties = {
      "gridbot.notifications.consume=false",
      "gridbot.notifications.jobs.lock-at-least=0s",
      "logging.level.io.gridbot.service=info",
      "spring.datasource.hikari.maximum-pool-size=12"
    })
@ActiveProfiles("it")
class NoticeScansIT {

  // Friday 2026-11-27 10:00 in China
  private static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");

  @Autowired ScanMapper scanMapper;
  @Autowired JobLock locks;
  @Autowired NotificationSettings settings;
  @Autowired SubscriptionService subscriptions;
  @Autowired BindingService bindings;
  @Autowired JdbcTemplate jdbc;

  private final Recording publisher = new Recording();
  private NoticeScans scans;

  @BeforeEach
  void scans() {
    StaticListableBeanFactory clocks = new StaticListableBeanFactory();
    clocks.addBean("clock", Clock.fixed(NOW, ZoneOffset.UTC));
    scans =
        new NoticeScans(
            scanMapper, locks, publisher, settings, clocks.getBeanProvider(Clock.class));
  }

  @Test
  void low_balance_reminds_each_subscriber_under_their_own_threshold_once_a_day() {
    // given a prepaid account with 12.50 left and three users
    AccountNo no = anAccount().prepaid("12.50").insert(jdbc).accountNo();
    ChannelUser defaultThreshold = bound(no);
    ChannelUser lowThreshold = bound(no);
    ChannelUser unsubscribed = bound(no);
    subscriptions.subscribe(defaultThreshold, "low_balance", no);
    subscriptions.subscribeLowBalance(lowThreshold, no, new BigDecimal("10.00"));
    subscriptions.subscribe(unsubscribed, "low_balance", no);
    subscriptions.unsubscribe(unsubscribed, "low_balance", no);

    // when
    OptionalInt published = scans.lowBalance();

    // then
    assertThat(published).isPresent();
    List<Published> mine = publisher.about(no);
    assertThat(mine).hasSize(1);
    Published reminder = mine.get(0);
    assertThat(reminder.user()).isEqualTo(defaultThreshold);
    assertThat(reminder.notice().kind()).isEqualTo("low_balance");
    assertThat(reminder.notice().key()).isEqualTo("low_balance:" + no.value() + ":20261127");
    assertThat(reminder.notice().text())
        .contains("当前余额12.50元")
        .contains("提醒金额20.00元")
        .contains(no.masked())
        .doesNotContain(no.value());
  }

  @Test
  void arrears_are_told_to_the_account_once_a_week() {
    // given
    AccountNo owing = anAccount().postpaid("86.40").insert(jdbc).accountNo();
    AccountNo paidUp = anAccount().postpaid("0.00").insert(jdbc).accountNo();
    AccountNo owingUnsubscribed = anAccount().postpaid("10.00").insert(jdbc).accountNo();
    subscriptions.subscribe(bound(owing), "arrears", owing);
    subscriptions.subscribe(bound(paidUp), "arrears", paidUp);
    bound(owingUnsubscribed);

    // when
    scans.arrears();

    // then
    assertThat(publisher.about(owing))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.account()).isEqualTo(owing);
              assertThat(p.notice().key()).isEqualTo("arrears:" + owing.value() + ":2026W48");
              assertThat(p.notice().text()).contains("欠费86.40元");
            });
    assertThat(publisher.about(paidUp)).isEmpty();
    assertThat(publisher.about(owingUnsubscribed)).isEmpty();
  }

  @Test
  void new_bills_are_told_once_per_account_and_period() {
    // given a bill created now (the clock of the scan is 2026-11-27, lookback 3 days)
    AccountNo no = anAccount().insert(jdbc).accountNo();
    subscriptions.subscribe(bound(no), "monthly_bill", no);
    aBill(no).period("2026-10").amount("95.98").insert(jdbc);
    jdbc.update(
        "UPDATE bill SET created_at = ? WHERE account_no = ?",
        java.sql.Timestamp.from(NOW.minusSeconds(3600)),
        no.value());

    // when
    scans.monthlyBills();

    // then
    assertThat(publisher.about(no))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.notice().key()).isEqualTo("monthly_bill:" + no.value() + ":2026-10");
              assertThat(p.notice().text())
                  .contains("2026年10月电费账单已出")
                  .contains("用电210.00千瓦时")
                  .contains("电费95.98元")
                  .contains("2026年11月25日前");
            });
  }

  @Test
  void a_scan_running_elsewhere_is_skipped() {
    // given
    JobLock.Lease elsewhere =
        locks.tryAcquire(NoticeScans.ARREARS, java.time.Duration.ofMinutes(5)).orElseThrow();
    try {
      // then
      assertThat(scans.arrears()).isEmpty();
    } finally {
      locks.release(elsewhere);
    }
    assertThat(scans.arrears()).isPresent();
  }

  private ChannelUser bound(AccountNo no) {
    ChannelUser user = newWechatUser();
    bindings.bind(user, no, "1234");
    return user;
  }

  record Published(ChannelUser user, AccountNo account, Notice notice) {}

  static final class Recording implements NotificationPublisher {

    final List<Published> published = new CopyOnWriteArrayList<>();

    @Override
    public void toUser(ChannelUser user, Notice notice) {
      published.add(new Published(user, null, notice));
    }

    @Override
    public void toAccount(AccountNo account, Notice notice) {
      published.add(new Published(null, account, notice));
    }

    @Override
    public void toArea(String areaCodePrefix, Notice notice) {
      throw new UnsupportedOperationException();
    }

    List<Published> about(AccountNo no) {
      return published.stream()
          .filter(p -> p.notice().key().contains(":" + no.value() + ":"))
          .toList();
    }
  }
}
