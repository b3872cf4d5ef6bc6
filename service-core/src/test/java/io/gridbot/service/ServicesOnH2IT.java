package io.gridbot.service;

import static io.gridbot.service.TestData.newUser;
import static io.gridbot.service.TestData.newWechatUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.AccountService;
import io.gridbot.service.account.Binding;
import io.gridbot.service.account.BindingService;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.account.VerificationFailed;
import io.gridbot.service.billing.Bill;
import io.gridbot.service.billing.BillService;
import io.gridbot.service.conversation.ConversationLogEntry;
import io.gridbot.service.conversation.ConversationLogService;
import io.gridbot.service.conversation.Direction;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
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

/**
 * The services and their SQL on H2 in MySQL mode, with the demo data, as the application's embedded
 * default profile runs them.
 */
@SpringBootTest
@ActiveProfiles("h2")
class ServicesOnH2IT {

  private static final AccountNo PREPAID = new AccountNo("3300000001");
  private static final AccountNo OWING = new AccountNo("3300000002");
  private static final AccountNo PAID_UP = new AccountNo("3300000003");

  @Autowired AccountService accountService;
  @Autowired BindingService bindingService;
  @Autowired BillService billService;
  @Autowired ConversationLogService conversationLog;
  @Autowired JdbcTemplate jdbc;

  @Test
  void demo_data_is_loaded() {
    DemoDataAssertions.assertDemoData(jdbc);
    assertThat(accountService.find(PREPAID).orElseThrow().balance())
        .isEqualTo(new BigDecimal("12.50"));
  }

  @Test
  void binds_unbinds_and_moves_the_default() {
    // given
    ChannelUser user = newWechatUser();

    // when
    Binding first = bindingService.bind(user, OWING, "0002");
    Binding second = bindingService.bind(user, PAID_UP, "0003");

    // then
    assertThat(first.isDefault()).isTrue();
    assertThat(second.isDefault()).isFalse();
    assertThat(bindingService.bind(user, OWING, "0002")).isEqualTo(first);
    assertThatThrownBy(() -> bindingService.bind(user, PREPAID, "0002"))
        .isInstanceOf(VerificationFailed.class);

    // when
    bindingService.makeDefault(user, PAID_UP);

    // then
    assertThat(bindingService.defaultAccount(user).orElseThrow().accountNo()).isEqualTo(PAID_UP);

    // when
    bindingService.unbind(user, PAID_UP);

    // then
    assertThat(bindingService.activeBindings(user))
        .extracting(Binding::accountNo, Binding::isDefault)
        .containsExactly(tuple(OWING, true));
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM channel_binding WHERE channel_user_id = ?",
                Integer.class,
                user.userId()))
        .isEqualTo(2);
  }

  @Test
  void concurrent_binds_end_with_one_active_binding() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 5; round++) {
        ChannelUser user = newUser("alipay");
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Binding>> results =
            List.of(
                pool.submit(
                    () -> {
                      start.await();
                      return bindingService.bind(user, PREPAID, "0001");
                    }),
                pool.submit(
                    () -> {
                      start.await();
                      return bindingService.bind(user, PREPAID, "0001");
                    }));
        start.countDown();

        assertThat(results.get(0).get(30, TimeUnit.SECONDS))
            .isEqualTo(results.get(1).get(30, TimeUnit.SECONDS));
        assertThat(bindingService.activeBindings(user)).hasSize(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void reads_bills() {
    assertThat(billService.recentBills(PAID_UP, 2))
        .extracting(Bill::period)
        .containsExactly(YearMonth.of(2026, 10), YearMonth.of(2026, 9));
    assertThat(billService.unpaidBills(OWING))
        .extracting(Bill::amount)
        .containsExactly(new BigDecimal("41.03"), new BigDecimal("45.37"));
    assertThat(billService.bill(PAID_UP, YearMonth.of(2025, 11))).isPresent();
  }

  @Test
  void keeps_the_conversation_log_to_the_millisecond() {
    // given
    ChannelUser user = newWechatUser();
    Instant at = Instant.parse("2026-11-27T09:00:00.123Z");
    List<ConversationLogEntry> entries =
        List.of(
            ConversationLogEntry.of(
                user, Direction.IN, "m-1", "我要交电费", "pay_bill", new BigDecimal("0.9"), at),
            ConversationLogEntry.of(
                user, Direction.OUT, null, "好的😀", null, null, at.plusMillis(1)));

    // when
    conversationLog.recordAll(entries);

    // then
    assertThat(conversationLog.history(user.channel(), user.userId(), 10)).isEqualTo(entries);
  }
}
