package io.gridbot.service.notification;

import static io.gridbot.service.TestData.anAccount;
import static io.gridbot.service.TestData.newAccountNo;
import static io.gridbot.service.TestData.newWechatUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.AccountNotFound;
import io.gridbot.service.account.AccountService;
import io.gridbot.service.account.BindingService;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.subscription.SubscriptionService;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest(
    properties = {
      "gridbot.notifications.consume=false",
      "logging.level.io.gridbot.service=info",
      "spring.datasource.hikari.maximum-pool-size=12"
    })
@ActiveProfiles("it")
class NotificationPublisherIT {

  @Autowired RecipientMapper recipients;
  @Autowired SubscriptionService subscriptions;
  @Autowired BindingService bindings;
  @Autowired AccountService accounts;
  @Autowired PlatformTransactionManager transactions;
  @Autowired JdbcTemplate jdbc;
  @Autowired OutboxMapper outbox;

  private final CapturingQueue queue = new CapturingQueue();
  private DefaultNotificationPublisher publisher;

  @BeforeEach
  void publisher() {
    publisher =
        new DefaultNotificationPublisher(
            recipients,
            subscriptions,
            accounts,
            queue,
            outbox,
            transactions,
            7,
            NotificationSettings.Outbox.defaults(),
            Runnable::run,
            Clock.systemUTC());
  }

  @Test
  void an_account_notice_goes_to_the_bound_users_subscribed_to_its_kind() {
    // given
    AccountNo no = anAccount().insert(jdbc).accountNo();
    ChannelUser subscribed = bound(no);
    ChannelUser notSubscribed = bound(no);
    ChannelUser unsubscribed = bound(no);
    ChannelUser unbound = bound(no);
    subscriptions.subscribe(subscribed, "outage", no);
    subscriptions.subscribe(unsubscribed, "outage", no);
    subscriptions.unsubscribe(unsubscribed, "outage", no);
    subscriptions.subscribe(unbound, "outage", no);
    bindings.unbind(unbound, no);

    // when
    publisher.toAccount(no, notice("outage"));

    // then
    assertThat(queue.recipients()).containsExactly(subscribed);
    assertThat(notSubscribed).isNotNull();
  }

  @Test
  void payment_notices_are_on_by_default_unless_opted_out_for_the_user_or_the_account() {
    // given
    AccountNo no = anAccount().insert(jdbc).accountNo();
    AccountNo other = anAccount().insert(jdbc).accountNo();
    ChannelUser byDefault = bound(no);
    ChannelUser optedOutEverywhere = bound(no);
    ChannelUser optedOutForThisAccount = bound(no);
    ChannelUser optedOutElsewhereOnly = bound(no);
    bindings.bind(optedOutElsewhereOnly, other, "1234");
    ChannelUser optedOutButBackForThisAccount = bound(no);
    subscriptions.unsubscribe(optedOutEverywhere, "payment", null);
    subscriptions.unsubscribe(optedOutForThisAccount, "payment", no);
    subscriptions.unsubscribe(optedOutElsewhereOnly, "payment", other);
    subscriptions.stopAll(optedOutButBackForThisAccount);
    subscriptions.subscribe(optedOutButBackForThisAccount, "payment", no);

    // when
    publisher.toAccount(no, notice("payment"));

    // then
    assertThat(queue.recipients())
        .containsExactlyInAnyOrder(byDefault, optedOutElsewhereOnly, optedOutButBackForThisAccount);
  }

  @Test
  void a_user_notice_respects_an_unfollow() {
    // given
    ChannelUser follower = newWechatUser();
    ChannelUser unfollowed = newWechatUser();
    subscriptions.stopAll(unfollowed);

    // when
    publisher.toUser(follower, notice("progress"));
    publisher.toUser(unfollowed, notice("progress"));

    // then
    assertThat(queue.recipients()).containsExactly(follower);
  }

  @Test
  void inside_a_transaction_nothing_is_enqueued_before_the_commit_and_nothing_on_rollback() {
    // given
    ChannelUser user = newWechatUser();
    TransactionTemplate tx = new TransactionTemplate(transactions);

    // when rolled back
    tx.executeWithoutResult(
        status -> {
          publisher.toUser(user, notice("progress"));
          status.setRollbackOnly();
        });

    // then
    assertThat(queue.entries).isEmpty();

    // when committed
    tx.executeWithoutResult(
        status -> {
          publisher.toUser(user, notice("progress"));
          assertThat(queue.entries).isEmpty();
        });

    // then
    assertThat(queue.recipients()).containsExactly(user);
  }

  @Test
  void an_area_notice_pages_through_every_subscriber_of_the_area_and_only_them() {
    // given 20 subscribers (pages of 7), a bound user who did not subscribe, another area
    String area = Seed.newArea();
    List<ChannelUser> subscribers = Seed.subscribers(jdbc, area, 20, "outage");
    List<ChannelUser> others = Seed.subscribers(jdbc, Seed.newArea(), 5, "outage");
    AccountNo quiet = anAccount().areaCode(area + "-X").insert(jdbc).accountNo();
    bound(quiet);

    // when
    publisher.toArea(area, notice("outage"));

    // then
    assertThat(queue.recipients()).containsExactlyElementsOf(subscribers);
    assertThat(queue.recipients()).doesNotContainAnyElementsOf(others);
  }

  @Test
  void bad_targets_are_refused_at_once() {
    assertThatThrownBy(() -> publisher.toAccount(newAccountNo(), notice("outage")))
        .isInstanceOf(AccountNotFound.class);
    assertThatThrownBy(() -> publisher.toArea("CN-33%", notice("outage")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> publisher.toArea("", notice("outage")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(queue.entries).isEmpty();
  }

  private ChannelUser bound(AccountNo no) {
    ChannelUser user = newWechatUser();
    bindings.bind(user, no, "1234");
    return user;
  }

  private static Notice notice(String kind) {
    return new Notice(
        kind, kind + ":test:" + System.nanoTime(), "通知", "您好，这是一条测试通知。", false, Map.of());
  }
}
