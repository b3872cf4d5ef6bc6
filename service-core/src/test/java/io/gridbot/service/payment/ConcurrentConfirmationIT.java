package io.gridbot.service.payment;

import static io.gridbot.service.TestData.anAccount;
import static io.gridbot.service.TestData.newWechatUser;
import static io.gridbot.service.payment.PaymentAssertions.accountRow;
import static io.gridbot.service.payment.PaymentAssertions.ledgerRows;
import static io.gridbot.service.payment.PaymentAssertions.yuan;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.payment.PaymentTestConfiguration.ConfirmedEvents;
import io.gridbot.service.payment.PaymentTestConfiguration.RecordingPublisher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** Confirmations racing on MariaDB, each thread in its own transaction, as platform retries do. */
@SpringBootTest
@ActiveProfiles("it")
@Import(PaymentTestConfiguration.class)
class ConcurrentConfirmationIT {

  private static final int THREADS = 8;
  private static final Instant PAID_AT = Instant.parse("2026-11-27T03:00:00Z");

  @Autowired PaymentService payments;
  @Autowired JdbcTemplate jdbc;
  @Autowired ConfirmedEvents events;
  @Autowired RecordingPublisher publisher;

  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  @Test
  void eight_threads_confirming_one_order_credit_it_once() throws Exception {
    for (int round = 0; round < 3; round++) {
      // given
      AccountNo no = anAccount().prepaid("12.50").insert(jdbc).accountNo();
      OutTradeNo otn =
          payments
              .createOrder(no, yuan("88.80"), PaymentChannel.WECHAT, newWechatUser())
              .outTradeNo();
      CountDownLatch start = new CountDownLatch(1);
      List<Future<PaymentOrder>> results = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return payments.confirm(otn, yuan("88.80"), "4200" + otn.value(), PAID_AT);
                }));
      }

      // when
      start.countDown();
      List<PaymentOrder> confirmed = new ArrayList<>();
      for (Future<PaymentOrder> result : results) {
        confirmed.add(result.get(30, TimeUnit.SECONDS));
      }

      // then
      assertThat(confirmed).allSatisfy(order -> assertThat(order).isEqualTo(confirmed.get(0)));
      assertThat(confirmed.get(0).state()).isEqualTo(PaymentState.PAID);
      assertThat(accountRow(jdbc, no)).isEqualTo(new Position(yuan("101.30"), yuan("0")));
      assertThat(ledgerRows(jdbc, no)).isEqualTo(1);
      assertThat(events.about(otn)).hasSize(1);
      assertThat(publisher.about(otn)).hasSize(1);
    }
  }

  @Test
  void closing_expired_orders_while_they_are_confirmed_loses_no_payment() throws Exception {
    // given
    AccountNo no = anAccount().prepaid("0.00").insert(jdbc).accountNo();
    List<OutTradeNo> orders = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      orders.add(payments.createOrder(no, yuan("10.00"), PaymentChannel.WEB, null).outTradeNo());
    }
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> results = new ArrayList<>();
    for (OutTradeNo otn : orders) {
      results.add(
          pool.submit(
              () -> {
                start.await();
                return payments.confirm(otn, yuan("10.00"), "W-" + otn.value(), PAID_AT);
              }));
    }
    results.add(
        pool.submit(
            () -> {
              start.await();
              return payments.closeExpired(Instant.now().plusSeconds(60));
            }));

    // when
    start.countDown();
    for (Future<?> result : results) {
      result.get(30, TimeUnit.SECONDS);
    }

    // then every order is paid (some of them late) and credited once
    for (OutTradeNo otn : orders) {
      assertThat(payments.find(otn).orElseThrow().state()).isEqualTo(PaymentState.PAID);
    }
    assertThat(accountRow(jdbc, no).balance()).isEqualTo(yuan("60.00"));
    assertThat(ledgerRows(jdbc, no)).isEqualTo(6);
  }
}
