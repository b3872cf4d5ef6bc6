package io.gridbot.service.account;

import static io.gridbot.service.TestData.anAccount;
import static io.gridbot.service.TestData.newWechatUser;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

@SpringBootTest
@ActiveProfiles("it")
@Transactional
class AccountMapperIT {

  @Autowired AccountMapper accounts;
  @Autowired JdbcTemplate jdbc;

  @Test
  void reads_money_exactly_and_chinese_text_unchanged() {
    // given
    Account saved =
        anAccount()
            .customerName("欧阳娜娜")
            .prepaid("9999999999.99")
            .address("浙江省杭州市西湖区文三路𠀀号 幸福小区3栋2单元501")
            .areaCode("CN-330106-017")
            .insert(jdbc);

    // when
    Optional<Account> found = accounts.findActive(saved.accountNo());

    // then
    assertThat(found).contains(saved);
    assertThat(found.get().balance()).isEqualTo(new BigDecimal("9999999999.99"));
    assertThat(found.get().address()).isEqualTo("浙江省杭州市西湖区文三路𠀀号 幸福小区3栋2单元501");
    assertThat(found.get().customerName()).isEqualTo("欧阳娜娜");
  }

  @Test
  void reads_arrears_of_a_postpaid_account() {
    // given
    Account saved = anAccount().postpaid("0.01").insert(jdbc);

    // when
    Account found = accounts.findActive(saved.accountNo()).orElseThrow();

    // then
    assertThat(found.billingMode()).isEqualTo(BillingMode.POSTPAID);
    assertThat(found.arrears()).isEqualTo(new BigDecimal("0.01"));
    assertThat(found.balance()).isEqualTo(new BigDecimal("0.00"));
  }

  @Test
  void closed_and_unknown_accounts_are_not_found() {
    // given
    Account closed = anAccount().closed().insert(jdbc);

    // then
    assertThat(accounts.findActive(closed.accountNo())).isEmpty();
    assertThat(accounts.findActive(new AccountNo("1234567890123"))).isEmpty();
    assertThat(accounts.lockActiveForBinding(closed.accountNo())).isEmpty();
  }

  @Test
  void lock_for_binding_reads_the_registered_phone() {
    // given
    Account saved = anAccount().registeredPhone("13912345678").insert(jdbc);

    // when
    Optional<String> phone = accounts.lockActiveForBinding(saved.accountNo());

    // then
    assertThat(phone).contains("13912345678");
  }

  @Test
  void default_account_is_the_account_of_the_active_default_binding() {
    // given
    Account first = anAccount().insert(jdbc);
    Account second = anAccount().insert(jdbc);
    ChannelUser user = newWechatUser();
    bind(user, first, false);
    bind(user, second, true);

    // when
    Optional<Account> found = accounts.findDefaultOf(user);

    // then
    assertThat(found).contains(second);
    assertThat(accounts.findDefaultOf(newWechatUser())).isEmpty();
  }

  @Test
  void a_closed_account_is_no_default_account() {
    // given
    Account closed = anAccount().closed().insert(jdbc);
    ChannelUser user = newWechatUser();
    bind(user, closed, true);

    // then
    assertThat(accounts.findDefaultOf(user)).isEmpty();
  }

  private void bind(ChannelUser user, Account account, boolean isDefault) {
    jdbc.update(
        "INSERT INTO channel_binding (channel, channel_user_id, account_no, verified_at,"
            + " is_default) VALUES (?, ?, ?, CURRENT_TIMESTAMP(3), ?)",
        user.channel(),
        user.userId(),
        account.accountNo().value(),
        isDefault);
  }
}
