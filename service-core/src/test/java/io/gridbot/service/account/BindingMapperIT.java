package io.gridbot.service.account;

import static io.gridbot.service.TestData.anAccount;
import static io.gridbot.service.TestData.newWechatUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

@SpringBootTest
@ActiveProfiles("it")
@Transactional
class BindingMapperIT {

  // whole seconds: MySQL Connector/J drops fractions of a second when it talks to MariaDB
  private static final Instant VERIFIED = Instant.parse("2026-11-20T08:30:15Z");

  @Autowired BindingMapper bindings;
  @Autowired JdbcTemplate jdbc;

  @Test
  void insert_writes_an_active_binding() {
    // given
    AccountNo no = anAccount().insert(jdbc).accountNo();
    ChannelUser user = newWechatUser();

    // when
    bindings.insert(user, no, VERIFIED, true);

    // then
    Map<String, Object> row =
        jdbc.queryForMap(
            "SELECT channel, channel_user_id, account_no, verified_at, is_default, unbound_at,"
                + " active_key FROM channel_binding WHERE account_no = ?",
            no.value());
    assertThat(row.get("channel")).isEqualTo("wechat");
    assertThat(row.get("channel_user_id")).isEqualTo(user.userId());
    // stored as UTC wall time
    assertThat(row.get("verified_at")).isEqualTo(LocalDateTime.of(2026, 11, 20, 8, 30, 15));
    assertThat(row.get("is_default")).isEqualTo(true);
    assertThat(row.get("unbound_at")).isNull();
    assertThat(((Number) row.get("active_key")).intValue()).isEqualTo(1);
    Binding found = bindings.findActive(user, no).orElseThrow();
    assertThat(found.user()).isEqualTo(user);
    assertThat(found.accountNo()).isEqualTo(no);
    assertThat(found.verifiedAt()).isEqualTo(VERIFIED);
    assertThat(found.isDefault()).isTrue();
  }

  @Test
  void a_user_binds_several_accounts_and_an_account_is_bound_by_several_users() {
    // given
    AccountNo home = anAccount().insert(jdbc).accountNo();
    AccountNo parents = anAccount().insert(jdbc).accountNo();
    ChannelUser me = newWechatUser();
    ChannelUser spouse = newWechatUser();

    // when
    bindings.insert(me, home, VERIFIED, true);
    bindings.insert(me, parents, VERIFIED, false);
    bindings.insert(spouse, home, VERIFIED, true);

    // then
    assertThat(bindings.findActiveByUser(me))
        .extracting(Binding::accountNo)
        .containsExactly(home, parents);
    assertThat(bindings.findActiveByUser(spouse))
        .extracting(Binding::accountNo)
        .containsExactly(home);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM channel_binding WHERE account_no = ? AND unbound_at IS NULL",
                Integer.class,
                home.value()))
        .isEqualTo(2);
  }

  @Test
  void active_bindings_list_the_default_first_then_the_oldest() {
    // given
    ChannelUser user = newWechatUser();
    AccountNo first = anAccount().insert(jdbc).accountNo();
    AccountNo second = anAccount().insert(jdbc).accountNo();
    AccountNo third = anAccount().insert(jdbc).accountNo();
    bindings.insert(user, first, VERIFIED, false);
    bindings.insert(user, second, VERIFIED, false);
    bindings.insert(user, third, VERIFIED, true);

    // when
    List<Binding> active = bindings.findActiveByUser(user);

    // then
    assertThat(active).extracting(Binding::accountNo).containsExactly(third, first, second);
    assertThat(active).extracting(Binding::isDefault).containsExactly(true, false, false);
  }

  @Test
  void unbind_keeps_the_binding_as_history_and_takes_its_default_away() {
    // given
    ChannelUser user = newWechatUser();
    AccountNo no = anAccount().insert(jdbc).accountNo();
    bindings.insert(user, no, VERIFIED, true);
    long id = bindings.findActive(user, no).orElseThrow().id();

    // when
    int changed = bindings.unbind(id, VERIFIED.plusSeconds(60));

    // then
    assertThat(changed).isEqualTo(1);
    Map<String, Object> row =
        jdbc.queryForMap("SELECT is_default, unbound_at FROM channel_binding WHERE id = ?", id);
    assertThat(row.get("is_default")).isEqualTo(false);
    assertThat(row.get("unbound_at"))
        .isEqualTo(LocalDateTime.ofInstant(VERIFIED.plusSeconds(60), ZoneOffset.UTC));
    assertThat(bindings.findActive(user, no)).isEmpty();
    assertThat(bindings.findActiveByUser(user)).isEmpty();
    assertThat(bindings.unbind(id, VERIFIED.plusSeconds(120))).isZero();
  }

  @Test
  void at_most_one_active_binding_per_user_and_account_but_history_is_unlimited() {
    // given
    ChannelUser user = newWechatUser();
    AccountNo no = anAccount().insert(jdbc).accountNo();
    bindings.insert(user, no, VERIFIED, true);

    // then
    assertThatThrownBy(() -> bindings.insert(user, no, VERIFIED, false))
        .isInstanceOf(DuplicateKeyException.class);

    // when unbound and bound again, twice
    for (int i = 0; i < 2; i++) {
      bindings.unbind(bindings.findActive(user, no).orElseThrow().id(), VERIFIED);
      bindings.insert(user, no, VERIFIED, false);
    }

    // then
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM channel_binding WHERE account_no = ?",
                Integer.class,
                no.value()))
        .isEqualTo(3);
    assertThat(bindings.findActiveByUser(user)).hasSize(1);
  }

  @Test
  void user_ids_that_differ_only_by_case_are_different_users() {
    // given
    AccountNo no = anAccount().insert(jdbc).accountNo();
    ChannelUser lower = new ChannelUser("wechat", "oabcdef-case");
    ChannelUser upper = new ChannelUser("wechat", "oABCDEF-case");

    // when
    bindings.insert(lower, no, VERIFIED, true);
    bindings.insert(upper, no, VERIFIED, true);

    // then
    assertThat(bindings.findActiveByUser(lower)).extracting(Binding::user).containsExactly(lower);
    assertThat(bindings.findActiveByUser(upper)).extracting(Binding::user).containsExactly(upper);
  }

  @Test
  void the_same_user_id_on_another_channel_is_another_user() {
    // given
    AccountNo no = anAccount().insert(jdbc).accountNo();
    ChannelUser wechat = new ChannelUser("wechat", "same-id-1");
    ChannelUser alipay = new ChannelUser("alipay", "same-id-1");
    bindings.insert(wechat, no, VERIFIED, true);

    // then
    assertThat(bindings.findActiveByUser(alipay)).isEmpty();
    assertThat(bindings.findActive(alipay, no)).isEmpty();
  }

  @Test
  void clear_and_mark_default() {
    // given
    ChannelUser user = newWechatUser();
    AccountNo first = anAccount().insert(jdbc).accountNo();
    AccountNo second = anAccount().insert(jdbc).accountNo();
    bindings.insert(user, first, VERIFIED, true);
    bindings.insert(user, second, VERIFIED, false);

    // when
    bindings.clearDefaults(user);
    bindings.markDefault(bindings.findActive(user, second).orElseThrow().id());

    // then
    assertThat(
            jdbc.queryForList(
                "SELECT account_no FROM channel_binding WHERE channel_user_id = ? AND is_default"
                    + " = TRUE",
                String.class,
                user.userId()))
        .containsExactly(second.value());
  }
}
