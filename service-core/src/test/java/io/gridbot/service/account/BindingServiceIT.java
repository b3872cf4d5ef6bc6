package io.gridbot.service.account;

import static io.gridbot.service.TestData.anAccount;
import static io.gridbot.service.TestData.newAccountNo;
import static io.gridbot.service.TestData.newUser;
import static io.gridbot.service.TestData.newWechatUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** Not transactional: every call commits, as in the application. Data is unique per test. */
@SpringBootTest
@ActiveProfiles("it")
class BindingServiceIT {

  @Autowired BindingService bindingService;
  @Autowired JdbcTemplate jdbc;

  private final ExecutorService pool = Executors.newFixedThreadPool(2);

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  @Test
  void binds_with_the_right_digits_and_the_first_binding_becomes_default() {
    // given
    Account account = anAccount().registeredPhone("13800005678").insert(jdbc);
    ChannelUser user = newWechatUser();
    Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    // when
    Binding binding = bindingService.bind(user, account.accountNo(), "5678");

    // then
    assertThat(binding.user()).isEqualTo(user);
    assertThat(binding.accountNo()).isEqualTo(account.accountNo());
    assertThat(binding.isDefault()).isTrue();
    assertThat(binding.verifiedAt()).isBetween(before, Instant.now());
    assertThat(activeRows(user, account.accountNo())).isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "SELECT id FROM channel_binding WHERE channel_user_id = ?",
                Long.class,
                user.userId()))
        .isEqualTo(binding.id());
    assertThat(bindingService.defaultAccount(user)).contains(account);
  }

  @Test
  void a_second_account_is_bound_without_taking_the_default() {
    // given
    ChannelUser user = newWechatUser();
    Account home = anAccount().insert(jdbc);
    Account parents = anAccount().customerName("李秀英").insert(jdbc);
    bindingService.bind(user, home.accountNo(), "1234");

    // when
    Binding second = bindingService.bind(user, parents.accountNo(), "1234");

    // then
    assertThat(second.isDefault()).isFalse();
    assertThat(bindingService.activeBindings(user))
        .extracting(Binding::accountNo, Binding::isDefault)
        .containsExactly(tuple(home.accountNo(), true), tuple(parents.accountNo(), false));
    assertThat(bindingService.defaultAccount(user)).contains(home);
  }

  @Test
  void binds_by_the_holders_surname_and_refuses_another() {
    // given
    Account account = anAccount().customerName("欧阳娜娜").insert(jdbc);
    ChannelUser user = newWechatUser();

    // when
    assertThatThrownBy(
            () -> bindingService.bindBySurname(user, account.accountNo(), new Surname("张")))
        .isInstanceOf(VerificationFailed.class);
    int afterFailure = activeRows(user, account.accountNo());
    Binding binding = bindingService.bindBySurname(user, account.accountNo(), new Surname("欧阳"));

    // then
    assertThat(afterFailure).isZero();
    assertThat(binding.accountNo()).isEqualTo(account.accountNo());
    assertThat(activeRows(user, account.accountNo())).isEqualTo(1);
    assertThatThrownBy(() -> bindingService.bindBySurname(user, newAccountNo(), new Surname("张")))
        .isInstanceOf(AccountNotFound.class);
  }

  @Test
  void wrong_digits_fail_verification_and_write_nothing() {
    // given
    Account account = anAccount().registeredPhone("13800005678").insert(jdbc);
    ChannelUser user = newWechatUser();

    // then
    for (String wrong : new String[] {"5679", "", "678", "05678", "abcd"}) {
      assertThatThrownBy(() -> bindingService.bind(user, account.accountNo(), wrong))
          .isInstanceOf(VerificationFailed.class)
          .hasMessageContaining(account.accountNo().masked());
    }
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM channel_binding WHERE account_no = ? OR channel_user_id = ?",
                Integer.class,
                account.accountNo().value(),
                user.userId()))
        .isZero();
    assertThat(bindingService.activeBindings(user)).isEmpty();
  }

  @Test
  void an_unknown_account_is_not_found() {
    ChannelUser user = newWechatUser();
    AccountNo unknown = newAccountNo();

    assertThatThrownBy(() -> bindingService.bind(user, unknown, "1234"))
        .isInstanceOf(AccountNotFound.class)
        .satisfies(e -> assertThat(((AccountNotFound) e).code()).isEqualTo("account.not-found"));
    assertThat(bindingService.activeBindings(user)).isEmpty();
  }

  @Test
  void a_closed_account_is_not_found() {
    Account closed = anAccount().closed().insert(jdbc);

    assertThatThrownBy(() -> bindingService.bind(newWechatUser(), closed.accountNo(), "1234"))
        .isInstanceOf(AccountNotFound.class);
  }

  @Test
  void binding_again_returns_the_existing_binding() {
    // given
    ChannelUser user = newWechatUser();
    AccountNo no = anAccount().insert(jdbc).accountNo();
    Binding first = bindingService.bind(user, no, "1234");

    // when
    Binding again = bindingService.bind(user, no, "1234");

    // then
    assertThat(again).isEqualTo(first);
    assertThat(activeRows(user, no)).isEqualTo(1);
  }

  @Test
  void several_users_may_bind_one_account_each_with_their_own_default() {
    // given
    AccountNo no = anAccount().insert(jdbc).accountNo();
    ChannelUser wechat = newWechatUser();
    ChannelUser alipay = newUser("alipay");

    // when
    Binding a = bindingService.bind(wechat, no, "1234");
    Binding b = bindingService.bind(alipay, no, "1234");

    // then
    assertThat(a.id()).isNotEqualTo(b.id());
    assertThat(a.isDefault()).isTrue();
    assertThat(b.isDefault()).isTrue();
  }

  @Test
  void unbinding_keeps_history_and_passes_the_default_to_the_oldest_other_binding() {
    // given
    ChannelUser user = newWechatUser();
    AccountNo first = anAccount().insert(jdbc).accountNo();
    AccountNo second = anAccount().insert(jdbc).accountNo();
    AccountNo third = anAccount().insert(jdbc).accountNo();
    bindingService.bind(user, first, "1234");
    bindingService.bind(user, second, "1234");
    bindingService.bind(user, third, "1234");

    // when
    bindingService.unbind(user, first);

    // then
    assertThat(bindingService.activeBindings(user))
        .extracting(Binding::accountNo, Binding::isDefault)
        .containsExactly(tuple(second, true), tuple(third, false));
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM channel_binding WHERE channel_user_id = ? AND account_no = ?"
                    + " AND unbound_at IS NOT NULL AND is_default = FALSE",
                Integer.class,
                user.userId(),
                first.value()))
        .isEqualTo(1);
  }

  @Test
  void unbinding_the_last_binding_leaves_no_default() {
    // given
    ChannelUser user = newWechatUser();
    AccountNo no = anAccount().insert(jdbc).accountNo();
    bindingService.bind(user, no, "1234");

    // when
    bindingService.unbind(user, no);

    // then
    assertThat(bindingService.activeBindings(user)).isEmpty();
    assertThat(bindingService.defaultAccount(user)).isEmpty();
  }

  @Test
  void unbinding_an_account_that_is_not_bound_fails() {
    // given
    ChannelUser user = newWechatUser();
    AccountNo no = anAccount().insert(jdbc).accountNo();

    // then
    assertThatThrownBy(() -> bindingService.unbind(user, no))
        .isInstanceOf(BindingNotFound.class)
        .satisfies(e -> assertThat(((BindingNotFound) e).code()).isEqualTo("binding.not-found"));

    // and an unbound binding cannot be unbound twice
    bindingService.bind(user, no, "1234");
    bindingService.unbind(user, no);
    assertThatThrownBy(() -> bindingService.unbind(user, no)).isInstanceOf(BindingNotFound.class);
  }

  @Test
  void binding_again_after_unbinding_creates_a_new_binding() {
    // given
    ChannelUser user = newWechatUser();
    AccountNo no = anAccount().insert(jdbc).accountNo();
    Binding old = bindingService.bind(user, no, "1234");
    bindingService.unbind(user, no);

    // when
    Binding renewed = bindingService.bind(user, no, "1234");

    // then
    assertThat(renewed.id()).isNotEqualTo(old.id());
    assertThat(renewed.isDefault()).isTrue();
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM channel_binding WHERE account_no = ?",
                Integer.class,
                no.value()))
        .isEqualTo(2);
  }

  @Test
  void make_default_moves_the_default() {
    // given
    ChannelUser user = newWechatUser();
    Account first = anAccount().insert(jdbc);
    Account second = anAccount().insert(jdbc);
    bindingService.bind(user, first.accountNo(), "1234");
    bindingService.bind(user, second.accountNo(), "1234");

    // when
    bindingService.makeDefault(user, second.accountNo());

    // then
    assertThat(bindingService.defaultAccount(user)).contains(second);
    assertThat(bindingService.activeBindings(user))
        .extracting(Binding::isDefault)
        .containsExactly(true, false);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM channel_binding WHERE channel_user_id = ? AND is_default"
                    + " = TRUE",
                Integer.class,
                user.userId()))
        .isEqualTo(1);
  }

  @Test
  void make_default_of_an_account_that_is_not_bound_fails() {
    ChannelUser user = newWechatUser();
    AccountNo no = anAccount().insert(jdbc).accountNo();

    assertThatThrownBy(() -> bindingService.makeDefault(user, no))
        .isInstanceOf(BindingNotFound.class);
  }

  @Test
  void a_user_without_bindings_has_no_default_account() {
    assertThat(bindingService.defaultAccount(newWechatUser())).isEmpty();
    assertThat(bindingService.activeBindings(newWechatUser())).isEmpty();
  }

  @Test
  void concurrent_binds_of_the_same_user_and_account_end_with_one_active_binding()
      throws Exception {
    for (int round = 0; round < 10; round++) {
      // given
      ChannelUser user = newWechatUser();
      AccountNo no = anAccount().insert(jdbc).accountNo();
      CountDownLatch start = new CountDownLatch(1);
      Callable<Binding> bind =
          () -> {
            start.await();
            return bindingService.bind(user, no, "1234");
          };
      List<Future<Binding>> results = new ArrayList<>();
      results.add(pool.submit(bind));
      results.add(pool.submit(bind));

      // when
      start.countDown();
      Binding a = results.get(0).get(30, TimeUnit.SECONDS);
      Binding b = results.get(1).get(30, TimeUnit.SECONDS);

      // then
      assertThat(a).isEqualTo(b);
      assertThat(a.isDefault()).isTrue();
      assertThat(activeRows(user, no)).isEqualTo(1);
    }
  }

  private int activeRows(ChannelUser user, AccountNo no) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM channel_binding WHERE channel = ? AND channel_user_id = ?"
            + " AND account_no = ? AND unbound_at IS NULL",
        Integer.class,
        user.channel(),
        user.userId(),
        no.value());
  }
}
