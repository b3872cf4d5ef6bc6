package io.gridbot.service.subscription;

import static io.gridbot.service.TestData.anAccount;
import static io.gridbot.service.TestData.newWechatUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.BindingNotFound;
import io.gridbot.service.account.BindingService;
import io.gridbot.service.account.ChannelUser;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(
    properties = {
      "gridbot.notifications.consume=false",
      "logging.level.io.gridbot.service=info",
      "spring.datasource.hikari.maximum-pool-size=12"
    })
@ActiveProfiles("it")
class SubscriptionServiceIT {

  @Autowired SubscriptionService subscriptions;
  @Autowired BindingService bindings;
  @Autowired JdbcTemplate jdbc;

  @Test
  void subscribes_per_account_with_the_default_low_balance_threshold() {
    // given
    ChannelUser user = newWechatUser();
    AccountNo no = boundAccount(user);

    // when
    Subscription lowBalance = subscriptions.subscribe(user, "low_balance", no);
    Subscription outage = subscriptions.subscribe(user, "outage", no);

    // then
    assertThat(lowBalance.active()).isTrue();
    assertThat(lowBalance.threshold()).isEqualTo(new BigDecimal("20.00"));
    assertThat(outage.threshold()).isNull();
    assertThat(subscriptions.list(user))
        .extracting(Subscription::kind, Subscription::accountNo, Subscription::active)
        .containsExactly(tuple("low_balance", no, true), tuple("outage", no, true));
    assertThat(subscriptions.isSubscribed(user, "outage", no)).isTrue();
    assertThat(subscriptions.isSubscribed(user, "arrears", no)).isFalse();
  }

  @Test
  void a_chosen_threshold_is_kept_when_subscribing_again() {
    // given
    ChannelUser user = newWechatUser();
    AccountNo no = boundAccount(user);
    subscriptions.subscribeLowBalance(user, no, new BigDecimal("50"));
    subscriptions.unsubscribe(user, "low_balance", no);

    // when
    Subscription again = subscriptions.subscribe(user, "low_balance", no);

    // then
    assertThat(again.threshold()).isEqualTo(new BigDecimal("50.00"));
    assertThat(again.active()).isTrue();
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM notification_subscription WHERE channel_user_id = ?",
                Integer.class,
                user.userId()))
        .isEqualTo(1);
  }

  @Test
  void progress_and_payment_are_on_until_the_user_opts_out() {
    // given
    ChannelUser user = newWechatUser();
    AccountNo no = boundAccount(user);

    // then
    assertThat(subscriptions.isSubscribed(user, "progress", null)).isTrue();
    assertThat(subscriptions.isSubscribed(user, "payment", no)).isTrue();
    assertThat(subscriptions.list(user)).isEmpty();

    // when
    subscriptions.unsubscribe(user, "progress", null);
    subscriptions.unsubscribe(user, "payment", no);

    // then
    assertThat(subscriptions.isSubscribed(user, "progress", null)).isFalse();
    assertThat(subscriptions.isSubscribed(user, "payment", no)).isFalse();
    assertThat(subscriptions.isSubscribed(user, "payment", null)).isTrue();
  }

  @Test
  void campaigns_reach_only_users_who_opted_in() {
    // given a bound user who subscribed to their monthly bill
    ChannelUser user = newWechatUser();
    AccountNo no = boundAccount(user);
    subscriptions.subscribe(user, "monthly_bill", no);

    // then campaigns are still off
    assertThat(subscriptions.isSubscribed(user, "campaign", no)).isFalse();

    // when they opt in for all their accounts, then out again
    subscriptions.subscribe(user, "campaign", null);
    assertThat(subscriptions.isSubscribed(user, "campaign", no)).isTrue();
    subscriptions.unsubscribe(user, "campaign", null);
    assertThat(subscriptions.isSubscribed(user, "campaign", no)).isFalse();
  }

  @Test
  void stop_all_honours_an_unfollow_and_a_new_subscription_starts_again() {
    // given
    ChannelUser user = newWechatUser();
    AccountNo no = boundAccount(user);
    subscriptions.subscribe(user, "outage", no);
    subscriptions.subscribe(user, "arrears", no);

    // when
    subscriptions.stopAll(user);

    // then
    for (String kind : List.of("outage", "arrears", "payment")) {
      assertThat(subscriptions.isSubscribed(user, kind, no)).as(kind).isFalse();
    }
    assertThat(subscriptions.isSubscribed(user, "progress", null)).isFalse();
    assertThat(subscriptions.list(user)).noneMatch(Subscription::active);

    // when
    subscriptions.subscribe(user, "outage", no);

    // then
    assertThat(subscriptions.isSubscribed(user, "outage", no)).isTrue();
    assertThat(subscriptions.isSubscribed(user, "arrears", no)).isFalse();
  }

  @Test
  void refuses_what_does_not_fit() {
    ChannelUser user = newWechatUser();
    AccountNo notBound = anAccount().insert(jdbc).accountNo();
    AccountNo bound = boundAccount(user);

    assertThatThrownBy(() -> subscriptions.subscribe(user, "outage", notBound))
        .isInstanceOf(BindingNotFound.class);
    assertThatThrownBy(() -> subscriptions.subscribe(user, "outage", null))
        .isInstanceOf(SubscriptionNotAllowed.class)
        .satisfies(
            e ->
                assertThat(((SubscriptionNotAllowed) e).code())
                    .isEqualTo("subscription.not-allowed"));
    assertThatThrownBy(() -> subscriptions.subscribe(user, "progress", bound))
        .isInstanceOf(SubscriptionNotAllowed.class);
    assertThatThrownBy(() -> subscriptions.subscribe(user, "spam", bound))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> subscriptions.unsubscribe(user, "arrears", bound))
        .isInstanceOf(SubscriptionNotFound.class)
        .satisfies(
            e -> assertThat(((SubscriptionNotFound) e).code()).isEqualTo("subscription.not-found"));
    assertThatThrownBy(() -> subscriptions.subscribeLowBalance(user, bound, new BigDecimal("-5")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(subscriptions.list(user)).isEmpty();
  }

  @Test
  void quiet_hours_default_to_the_night_and_can_be_changed() {
    // given
    ChannelUser user = newWechatUser();

    // then
    assertThat(subscriptions.quietHours(user)).contains(QuietHours.DEFAULT);

    // when
    subscriptions.setQuietHours(user, QuietHours.parse("21:30-06:00"));
    subscriptions.setQuietHours(user, QuietHours.parse("23:00-08:15"));

    // then
    assertThat(subscriptions.quietHours(user))
        .contains(new QuietHours(LocalTime.of(23, 0), LocalTime.of(8, 15)));
  }

  @Test
  void quiet_hours_can_be_turned_off_set_again_and_reset_to_the_default() {
    // given
    ChannelUser user = newWechatUser();
    ChannelUser other = newWechatUser();
    subscriptions.setQuietHours(user, QuietHours.parse("23:00-06:00"));
    subscriptions.setQuietHours(other, QuietHours.parse("21:00-08:00"));

    // when
    subscriptions.turnOffQuietHours(user);
    subscriptions.turnOffQuietHours(user);

    // then
    assertThat(subscriptions.quietHours(user)).isEmpty();
    assertThat(subscriptions.quietHours(other)).contains(QuietHours.parse("21:00-08:00"));
    assertThat(
            jdbc.queryForMap(
                "SELECT enabled, start_time, end_time FROM notification_quiet_hours"
                    + " WHERE channel_user_id = ?",
                user.userId()))
        .containsEntry("start_time", null)
        .containsEntry("end_time", null)
        .hasEntrySatisfying("enabled", e -> assertThat(e).isIn(false, 0, (byte) 0));
    // an "off" row with times, or an "on" row without, is refused by the schema
    assertThatThrownBy(
            () ->
                jdbc.update(
                    "UPDATE notification_quiet_hours SET start_time = '22:00:00', end_time ="
                        + " '07:00:00' WHERE channel_user_id = ?",
                    user.userId()))
        .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);

    // when
    subscriptions.setQuietHours(user, QuietHours.parse("12:00-13:30"));

    // then
    assertThat(subscriptions.quietHours(user)).contains(QuietHours.parse("12:00-13:30"));

    // when
    subscriptions.turnOffQuietHours(user);
    subscriptions.resetQuietHours(user);
    subscriptions.resetQuietHours(user);
    subscriptions.resetQuietHours(newWechatUser());

    // then
    assertThat(subscriptions.quietHours(user)).contains(QuietHours.DEFAULT);
    assertThat(subscriptions.quietHours(other)).contains(QuietHours.parse("21:00-08:00"));
  }

  @Test
  void concurrent_subscribes_end_with_one_row() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (int round = 0; round < 5; round++) {
        // given
        ChannelUser user = newWechatUser();
        AccountNo no = boundAccount(user);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Subscription>> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          results.add(
              pool.submit(
                  () -> {
                    start.await();
                    return subscriptions.subscribe(user, "outage", no);
                  }));
        }

        // when
        start.countDown();
        for (Future<Subscription> result : results) {
          assertThat(result.get(30, TimeUnit.SECONDS).active()).isTrue();
        }

        // then
        assertThat(subscriptions.list(user)).hasSize(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private AccountNo boundAccount(ChannelUser user) {
    AccountNo no = anAccount().insert(jdbc).accountNo();
    bindings.bind(user, no, "1234");
    return no;
  }
}
