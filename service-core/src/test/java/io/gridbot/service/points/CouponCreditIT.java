package io.gridbot.service.points;

import static io.gridbot.service.TestData.aBill;
import static io.gridbot.service.TestData.anAccount;
import static io.gridbot.service.points.PointsTestData.aCoupon;
import static io.gridbot.service.points.PointsTestData.aGift;
import static io.gridbot.service.points.PointsTestData.newRequestId;
import static io.gridbot.service.points.PointsTestData.stockOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.AccountNotFound;
import io.gridbot.service.payment.EntryType;
import io.gridbot.service.payment.LedgerEntry;
import io.gridbot.service.payment.LedgerService;
import io.gridbot.service.payment.OutTradeNo;
import io.gridbot.service.payment.PaymentChannel;
import io.gridbot.service.payment.PaymentService;
import io.gridbot.service.payment.Position;
import io.gridbot.service.payment.ReconciliationReport.Difference;
import io.gridbot.service.payment.ReconciliationService;
import io.gridbot.service.points.RecordingNotifications.RecordingPublisher;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** Redeemed coupons are credited to the account through the ledger, on MariaDB. */
@SpringBootTest(properties = "spring.datasource.hikari.maximum-pool-size=12")
@ActiveProfiles("it")
@Import(RecordingNotifications.class)
class CouponCreditIT {

  private static final int THREADS = 8;

  @Autowired PointsService points;
  @Autowired LedgerService ledger;
  @Autowired PaymentService payments;
  @Autowired ReconciliationService reconciliation;
  @Autowired RecordingPublisher notifications;
  @Autowired JdbcTemplate jdbc;

  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  @Test
  void a_coupon_on_a_postpaid_account_settles_the_oldest_open_bill_first() {
    // given a postpaid account owing 6.00 for January and 20.00 for February, with 200 points
    AccountNo no = anAccount().insert(jdbc).accountNo();
    charge(no, "2026-01", "6.00");
    charge(no, "2026-02", "20.00");
    points.adjust(no, 200, "grant:" + System.nanoTime());
    String requestId = newRequestId();

    // when a 10-yuan coupon (190 points) is redeemed
    Redemption redemption = points.redeem(no, "BILL_COUPON_10", 1, requestId);

    // then January is paid, 4.00 of February is covered, the arrears fell by 10.00
    assertThat(redemption.status()).isEqualTo(RedemptionStatus.USED);
    assertThat(billOf(no, "2026-01")).isEqualTo("6.00/true");
    assertThat(billOf(no, "2026-02")).isEqualTo("4.00/false");
    assertThat(accountRow(no)).isEqualTo(position("0.00", "16.00"));
    assertThat(ledger.derivedPosition(no)).isEqualTo(accountRow(no));
    LedgerEntry credit = couponEntry(no);
    assertThat(credit.amount()).isEqualTo(yuan("10.00"));
    assertThat(credit.balanceDelta()).isEqualTo(yuan("0.00"));
    assertThat(credit.arrearsDelta()).isEqualTo(yuan("-10.00"));
    assertThat(credit.reference()).isEqualTo(requestId);
    assertThat(credit.outRefundNo()).isNull();
    assertThat(points.balance(no)).isEqualTo(10);
    assertThat(notifications.to(no))
        .singleElement()
        .satisfies(n -> assertThat(n.text()).contains("10.00元").contains("已存入您的电费账户"));

    // and the reconciliation of payments does not take it for a payment without an order
    assertThat(differencesAround(LocalDate.now(ZoneOffset.UTC)))
        .noneMatch(d -> requestId.equals(d.outTradeNo()));
  }

  @Test
  void a_coupon_on_a_prepaid_account_raises_its_balance() {
    // given a prepaid account at 0.00 with 250 points
    AccountNo no = anAccount().prepaid("0.00").insert(jdbc).accountNo();
    points.adjust(no, 250, "grant:" + System.nanoTime());

    // when two 5-yuan coupons are redeemed
    Redemption redemption = points.redeem(no, "BILL_COUPON_5", 2, newRequestId());

    // then
    assertThat(redemption.status()).isEqualTo(RedemptionStatus.USED);
    assertThat(accountRow(no)).isEqualTo(position("10.00", "0.00"));
    assertThat(ledger.derivedPosition(no)).isEqualTo(accountRow(no));
    assertThat(couponEntry(no).balanceDelta()).isEqualTo(yuan("10.00"));
  }

  @Test
  void a_used_coupon_cannot_be_cancelled_or_used_again_and_keeps_its_one_credit() {
    // given a redeemed coupon
    AccountNo no = anAccount().prepaid("0.00").insert(jdbc).accountNo();
    points.adjust(no, 100, "grant:" + System.nanoTime());
    String requestId = newRequestId();
    points.redeem(no, "BILL_COUPON_5", 1, requestId);

    // then
    assertThatThrownBy(() -> points.cancel(requestId))
        .isInstanceOf(RedemptionTransitionNotAllowed.class)
        .hasMessageContaining("USED to CANCELLED");
    assertThatThrownBy(() -> points.markUsed(requestId))
        .isInstanceOf(RedemptionTransitionNotAllowed.class)
        .hasMessageContaining("USED to USED");
    assertThat(points.balance(no)).isZero();
    assertThat(accountRow(no)).isEqualTo(position("5.00", "0.00"));
    assertThat(couponEntries(no)).isEqualTo(1);
  }

  @Test
  void a_gift_is_not_credited_and_can_still_be_cancelled() {
    AccountNo no = anAccount().prepaid("0.00").insert(jdbc).accountNo();
    points.adjust(no, 100, "grant:" + System.nanoTime());
    String requestId = newRequestId();

    Redemption gift = points.redeem(no, aGift(jdbc, 60, null), 1, requestId);

    assertThat(gift.status()).isEqualTo(RedemptionStatus.ISSUED);
    assertThat(points.cancel(requestId).status()).isEqualTo(RedemptionStatus.CANCELLED);
    assertThat(points.balance(no)).isEqualTo(100);
    assertThat(ledger.entries(no)).isEmpty();
    assertThat(accountRow(no)).isEqualTo(position("0.00", "0.00"));
  }

  @Test
  void a_coupon_issued_before_credits_existed_is_credited_once_when_marked_used() {
    // given an ISSUED coupon as redemptions were written before
    AccountNo no = anAccount().prepaid("0.00").insert(jdbc).accountNo();
    points.adjust(no, 100, "grant:" + System.nanoTime());
    String requestId = newRequestId();
    jdbc.update(
        "INSERT INTO points_redemption (request_id, account_no, item_code, item_name, quantity,"
            + " points, coupon_code, coupon_amount, status, created_at, updated_at) VALUES (?, ?,"
            + " 'BILL_COUPON_5', '5元电费抵扣券', 1, 100, ?, 5.00, 'ISSUED', CURRENT_TIMESTAMP(3),"
            + " CURRENT_TIMESTAMP(3))",
        requestId,
        no.value(),
        "QT" + Long.toString(System.nanoTime() % 10_000_000_000L, 36).toUpperCase());

    // when
    Redemption used = points.markUsed(requestId);

    // then
    assertThat(used.status()).isEqualTo(RedemptionStatus.USED);
    assertThat(accountRow(no)).isEqualTo(position("5.00", "0.00"));
    assertThat(ledger.derivedPosition(no)).isEqualTo(accountRow(no));
    assertThatThrownBy(() -> points.markUsed(requestId))
        .isInstanceOf(RedemptionTransitionNotAllowed.class);
    assertThat(couponEntries(no)).isEqualTo(1);
  }

  @Test
  void the_same_request_id_again_credits_once() throws Exception {
    // given
    AccountNo no = anAccount().prepaid("0.00").insert(jdbc).accountNo();
    points.adjust(no, 1000, "grant:" + System.nanoTime());
    String requestId = newRequestId();

    // when the same request comes in eight times at once, then once more
    List<Object> outcomes =
        race(
            java.util.stream.IntStream.range(0, THREADS)
                .<Callable<Object>>mapToObj(
                    i -> () -> points.redeem(no, "BILL_COUPON_5", 1, requestId))
                .toList());
    Redemption again = points.redeem(no, "BILL_COUPON_5", 1, requestId);

    // then every call got the one redemption, credited once
    assertThat(outcomes).allSatisfy(o -> assertThat(o).isEqualTo(again));
    assertThat(again.status()).isEqualTo(RedemptionStatus.USED);
    assertThat(points.balance(no)).isEqualTo(900);
    assertThat(couponEntries(no)).isEqualTo(1);
    assertThat(accountRow(no)).isEqualTo(position("5.00", "0.00"));
    assertThat(ledger.derivedPosition(no)).isEqualTo(accountRow(no));
  }

  @Test
  void customers_redeeming_the_last_coupon_at_once_one_wins_and_is_credited_once()
      throws Exception {
    // given a coupon with one unit left and eight postpaid accounts owing 30.00 with enough points
    String coupon = aCoupon(jdbc, "8.00", 50, 1);
    List<AccountNo> accounts = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      AccountNo no = anAccount().insert(jdbc).accountNo();
      charge(no, "2026-03", "30.00");
      points.adjust(no, 80, "grant:" + System.nanoTime());
      accounts.add(no);
    }

    // when all redeem it at once
    List<Object> outcomes =
        race(
            accounts.stream()
                .<Callable<Object>>map(no -> () -> points.redeem(no, coupon, 1, newRequestId()))
                .toList());

    // then one got it and only its account was credited
    assertThat(outcomes).filteredOn(Redemption.class::isInstance).hasSize(1);
    assertThat(outcomes).filteredOn(PointsItemOutOfStock.class::isInstance).hasSize(THREADS - 1);
    assertThat(stockOf(jdbc, coupon)).isZero();
    AccountNo winner =
        outcomes.stream()
            .filter(Redemption.class::isInstance)
            .map(o -> ((Redemption) o).accountNo())
            .findFirst()
            .orElseThrow();
    assertThat(accounts.stream().mapToInt(this::couponEntries).sum()).isEqualTo(1);
    assertThat(accountRow(winner)).isEqualTo(position("0.00", "22.00"));
    assertThat(billOf(winner, "2026-03")).isEqualTo("8.00/false");
    for (AccountNo no : accounts) {
      assertThat(ledger.derivedPosition(no)).isEqualTo(accountRow(no));
    }
  }

  @Test
  void payments_and_coupon_redemptions_of_one_account_at_once_all_go_through() throws Exception {
    // given a postpaid account owing 60.00, with points for two coupons, and four unpaid orders
    AccountNo no = anAccount().insert(jdbc).accountNo();
    charge(no, "2026-04", "60.00");
    points.adjust(no, 200, "grant:" + System.nanoTime());
    List<Callable<Object>> calls = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      OutTradeNo order =
          payments.createOrder(no, yuan("10.00"), PaymentChannel.ALIPAY, null).outTradeNo();
      calls.add(
          () -> payments.confirm(order, yuan("10.00"), "2088" + order.value(), Instant.now()));
    }
    for (int i = 0; i < 2; i++) {
      calls.add(() -> points.redeem(no, "BILL_COUPON_5", 1, newRequestId()));
    }

    // when all run at once (a payment locks the account, then the points account, to earn)
    List<Object> outcomes = race(calls);

    // then none was refused or deadlocked, and the ledger explains the account
    assertThat(outcomes).noneMatch(Throwable.class::isInstance);
    assertThat(couponEntries(no)).isEqualTo(2);
    assertThat(accountRow(no)).isEqualTo(position("0.00", "10.00"));
    assertThat(ledger.derivedPosition(no)).isEqualTo(accountRow(no));
  }

  @Test
  void a_coupon_credit_is_refused_with_a_reason_and_changes_nothing() {
    AccountNo no = anAccount().prepaid("0.00").insert(jdbc).accountNo();
    String requestId = newRequestId();

    assertThatThrownBy(() -> ledger.creditCoupon(no, yuan("0.00"), requestId))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ledger.creditCoupon(no, yuan("-5.00"), requestId))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ledger.creditCoupon(no, new BigDecimal("5.001"), requestId))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ledger.creditCoupon(no, yuan("5.00"), ""))
        .isInstanceOf(IllegalArgumentException.class);
    AccountNo unknown = io.gridbot.service.TestData.newAccountNo();
    assertThatThrownBy(() -> ledger.creditCoupon(unknown, yuan("5.00"), requestId))
        .isInstanceOf(AccountNotFound.class);
    assertThat(ledger.entries(no)).isEmpty();

    // the same request id for another amount is a conflict, not a second credit
    ledger.creditCoupon(no, yuan("5.00"), requestId);
    assertThatThrownBy(() -> ledger.creditCoupon(no, yuan("6.00"), requestId))
        .isInstanceOf(IllegalStateException.class);
    assertThat(ledger.creditCoupon(no, yuan("5.00"), requestId).amount()).isEqualTo(yuan("5.00"));
    assertThat(accountRow(no)).isEqualTo(position("5.00", "0.00"));
    assertThat(couponEntries(no)).isEqualTo(1);
  }

  private void charge(AccountNo no, String period, String amount) {
    aBill(no).period(period).amount(amount).insert(jdbc);
    ledger.chargeBill(no, YearMonth.parse(period));
  }

  private LedgerEntry couponEntry(AccountNo no) {
    return ledger.entries(no).stream()
        .filter(e -> e.type() == EntryType.COUPON)
        .reduce((a, b) -> b)
        .orElseThrow();
  }

  private int couponEntries(AccountNo no) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM ledger_entry WHERE account_no = ? AND entry_type = 'COUPON'",
        Integer.class,
        no.value());
  }

  private Position accountRow(AccountNo no) {
    Map<String, Object> row =
        jdbc.queryForMap(
            "SELECT balance AS balance, arrears AS arrears FROM account WHERE account_no = ?",
            no.value());
    return new Position((BigDecimal) row.get("balance"), (BigDecimal) row.get("arrears"));
  }

  private String billOf(AccountNo no, String period) {
    return jdbc.queryForObject(
        "SELECT CONCAT(settled_amount, '/', CASE WHEN paid THEN 'true' ELSE 'false' END) FROM bill"
            + " WHERE account_no = ? AND period = ?",
        String.class,
        no.value(),
        period);
  }

  /** The differences of the days around {@code day}, whatever the business zone. */
  private List<Difference> differencesAround(LocalDate day) {
    List<Difference> all = new ArrayList<>();
    for (int offset = -1; offset <= 1; offset++) {
      all.addAll(reconciliation.reconcile(day.plusDays(offset), Map.of()).differences());
    }
    return all;
  }

  private static Position position(String balance, String arrears) {
    return new Position(yuan(balance), yuan(arrears));
  }

  private static BigDecimal yuan(String amount) {
    return new BigDecimal(amount);
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
      } catch (TimeoutException e) {
        throw new AssertionError("a redemption hung", e);
      }
    }
    return outcomes;
  }
}
