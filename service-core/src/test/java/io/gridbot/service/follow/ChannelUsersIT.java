package io.gridbot.service.follow;

import static io.gridbot.service.TestData.anAccount;
import static io.gridbot.service.TestData.newWechatUser;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.BindingService;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.port.ChannelUsers;
import io.gridbot.service.subscription.SubscriptionService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(properties = "gridbot.notifications.consume=false")
@ActiveProfiles("it")
class ChannelUsersIT {

  @Autowired ChannelUsers users;
  @Autowired DefaultChannelUsers history;
  @Autowired SubscriptionService subscriptions;
  @Autowired BindingService bindings;
  @Autowired JdbcTemplate jdbc;

  @Test
  void an_unfollow_stops_every_notice_and_keeps_the_binding() {
    // given a follower from a QR scene, bound and subscribed to outages
    ChannelUser user = newWechatUser();
    users.followed(user, "qrscene_hall_07");
    AccountNo no = anAccount().registeredPhone("13812345678").insert(jdbc).accountNo();
    bindings.bind(user, no, "5678");
    subscriptions.subscribe(user, "outage", no);

    // when
    users.unfollowed(user);

    // then
    assertThat(subscriptions.isSubscribed(user, "outage", no)).isFalse();
    assertThat(subscriptions.isSubscribed(user, "progress", null)).isFalse();
    assertThat(bindings.activeBindings(user)).extracting(b -> b.accountNo()).containsExactly(no);
    assertThat(history.history(user)).containsExactly("FOLLOW qrscene_hall_07", "UNFOLLOW ");
  }

  @Test
  void records_delivery_reports_by_platform_message_id() {
    ChannelUser user = newWechatUser();

    users.deliveryReported(user, "2001834582", "failed:user block");
    users.deliveryReported(user, "2001834583", "success");

    assertThat(
            jdbc.queryForList(
                "SELECT detail FROM channel_user_event WHERE platform_msg_id = ?",
                String.class,
                "2001834582"))
        .containsExactly("failed:user block");
    assertThat(history.history(user)).hasSize(2);
  }
}
