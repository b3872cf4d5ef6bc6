package io.gridbot.service.account;

import static io.gridbot.service.TestData.anAccount;
import static io.gridbot.service.TestData.newAccountNo;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("it")
class AccountServiceIT {

  @Autowired AccountService accountService;
  @Autowired JdbcTemplate jdbc;

  @Test
  void finds_an_active_account() {
    Account saved = anAccount().prepaid("0.99").insert(jdbc);

    assertThat(accountService.find(saved.accountNo())).contains(saved);
  }

  @Test
  void closed_and_unknown_accounts_are_not_found() {
    Account closed = anAccount().closed().insert(jdbc);

    assertThat(accountService.find(closed.accountNo())).isEmpty();
    assertThat(accountService.find(newAccountNo())).isEmpty();
  }

  @Test
  void finds_the_demo_accounts() {
    Account prepaid = accountService.find(new AccountNo("3300000001")).orElseThrow();
    assertThat(prepaid.billingMode()).isEqualTo(BillingMode.PREPAID);
    assertThat(prepaid.balance()).isEqualTo(new BigDecimal("12.50"));
    assertThat(prepaid.address()).isEqualTo("幸福小区3栋2单元501");
    assertThat(prepaid.customerName()).isEqualTo("张伟");

    Account owing = accountService.find(new AccountNo("3300000002")).orElseThrow();
    assertThat(owing.billingMode()).isEqualTo(BillingMode.POSTPAID);
    assertThat(owing.arrears()).isEqualTo(new BigDecimal("86.40"));
  }
}
