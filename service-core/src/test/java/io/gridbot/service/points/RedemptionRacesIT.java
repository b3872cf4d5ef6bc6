package io.gridbot.service.points;

import static io.gridbot.service.TestData.anAccount;
import static io.gridbot.service.points.PointsTestData.aGift;
import static io.gridbot.service.points.PointsTestData.newRequestId;
import static io.gridbot.service.points.PointsTestData.stockOf;
import static io.gridbot.service.points.PointsTestData.storedBalance;
import static io.gridbot.service.points.PointsTestData.sumOfDeltas;
import static io.gridbot.service.points.PointsTestData.sumOfRemaining;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.service.account.AccountNo;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
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

/** Concurrent redemptions on MariaDB: the stock and the balance never go below zero. */
@SpringBootTest(properties = "spring.datasource.hikari.maximum-pool-size=21")
@ActiveProfiles("it")
@Import(RecordingNotifications.class)
class RedemptionRacesIT {

  private static final int THREADS = 20;

  @Autowired PointsService points;
  @Autowired JdbcTemplate jdbc;

  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  @Test
  void twenty_customers_redeeming_the_last_unit_only_one_gets_it() throws Exception {
    // given 20 accounts with enough points and one unit left
    String gift = aGift(jdbc, 50, 1);
    List<AccountNo> accounts = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      AccountNo no = anAccount().insert(jdbc).accountNo();
      points.adjust(no, 80, "grant:" + System.nanoTime());
      accounts.add(no);
    }

    // when all redeem at once
    List<Object> outcomes =
        race(
            accounts.stream()
                .<Callable<Object>>map(no -> () -> points.redeem(no, gift, 1, newRequestId()))
                .toList());

    // then exactly one succeeded, the others were told it is out of stock
    assertThat(outcomes).filteredOn(Redemption.class::isInstance).hasSize(1);
    assertThat(outcomes).filteredOn(PointsItemOutOfStock.class::isInstance).hasSize(THREADS - 1);
    assertThat(stockOf(jdbc, gift)).isZero();
    assertThat(accounts.stream().mapToInt(points::balance).sum()).isEqualTo(THREADS * 80 - 50);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM points_redemption WHERE item_code = ?", Integer.class, gift))
        .isEqualTo(1);
  }

  @Test
  void twenty_redemptions_with_points_for_three_only_three_succeed() throws Exception {
    // given points for exactly three units of an unlimited item
    String gift = aGift(jdbc, 40, null);
    AccountNo no = anAccount().insert(jdbc).accountNo();
    points.adjust(no, 70, "grant:" + System.nanoTime());
    points.adjust(no, 50, "grant:" + System.nanoTime());

    // when 20 different requests redeem at once
    List<Callable<Object>> calls = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      calls.add(() -> points.redeem(no, gift, 1, newRequestId()));
    }
    List<Object> outcomes = race(calls);

    // then
    assertThat(outcomes).filteredOn(Redemption.class::isInstance).hasSize(3);
    assertThat(outcomes).filteredOn(InsufficientPoints.class::isInstance).hasSize(THREADS - 3);
    assertThat(points.balance(no)).isZero();
    assertThat(storedBalance(jdbc, no)).isZero();
    assertThat(sumOfDeltas(jdbc, no)).isZero();
    assertThat(sumOfRemaining(jdbc, no)).isZero();
    assertThat(points.redemptions(no)).hasSize(3);
  }

  /** Runs the calls at once; returns each one's result or the exception it threw. */
  private List<Object> race(List<Callable<Object>> calls) throws InterruptedException {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Object>> futures = new ArrayList<>();
    for (Callable<Object> call : calls) {
      futures.add(
          pool.submit(
              () -> {
                start.await();
                return call.call();
              }));
    }
    start.countDown();
    List<Object> outcomes = new ArrayList<>();
    for (Future<Object> future : futures) {
      try {
        outcomes.add(future.get(30, TimeUnit.SECONDS));
      } catch (ExecutionException e) {
        outcomes.add(e.getCause());
      } catch (java.util.concurrent.TimeoutException e) {
        throw new AssertionError("a redemption hung", e);
      }
    }
    return outcomes;
  }
}
