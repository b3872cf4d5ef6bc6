package io.gridbot.service.points;

import static io.gridbot.service.TestData.anAccount;
import static io.gridbot.service.TestData.newAccountNo;
import static io.gridbot.service.points.PointsTestData.aGift;
import static io.gridbot.service.points.PointsTestData.entries;
import static io.gridbot.service.points.PointsTestData.newRequestId;
import static io.gridbot.service.points.PointsTestData.stockOf;
import static io.gridbot.service.points.PointsTestData.storedBalance;
import static io.gridbot.service.points.PointsTestData.sumOfDeltas;
import static io.gridbot.service.points.PointsTestData.sumOfRemaining;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.AccountNotFound;
import io.gridbot.service.payment.PaymentConfirmed;
import io.gridbot.service.points.RecordingNotifications.RecordingPublisher;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Not transactional: every call commits, as in the application. Data is unique per test. */
@SpringBootTest
@ActiveProfiles("it")
@Import(RecordingNotifications.class)
class PointsServiceIT {

  @Autowired PointsService points;
  @Autowired ApplicationEventPublisher events;
  @Autowired PlatformTransactionManager transactions;
  @Autowired RecordingPublisher notifications;
  @Autowired JdbcTemplate jdbc;

  @Test
  void a_confirmed_payment_earns_points_once_even_if_the_event_comes_twice() {
    // given an on-time WeChat payment of 128.50 yuan
    AccountNo no = anAccount().insert(jdbc).accountNo();
    PaymentConfirmed payment = payment(no, "P" + System.nanoTime(), "128.50", "wechat", true);

    // when the event is published twice, each time inside a confirming transaction
    confirm(payment);
    confirm(payment);

    // then 12 for the yuan + 5 on time + 10 for the month's first online payment, once
    assertThat(points.balance(no)).isEqualTo(27);
    assertThat(entries(jdbc, no, "EARN_PAYMENT")).isEqualTo(1);
    assertThat(entries(jdbc, no, "EARN_ON_TIME")).isEqualTo(1);
    assertThat(entries(jdbc, no, "EARN_ONLINE")).isEqualTo(1);
    assertThat(storedBalance(jdbc, no)).isEqualTo(27).isEqualTo(sumOfDeltas(jdbc, no));
  }

  @Test
  void a_second_online_payment_in_the_month_earns_no_second_online_bonus() {
    // given
    AccountNo no = anAccount().insert(jdbc).accountNo();
    confirm(payment(no, "P" + System.nanoTime(), "100.00", "alipay", false));

    // when
    confirm(payment(no, "P" + System.nanoTime(), "55.00", "alipay", false));

    // then 10 + 10 for the first, 5 for the second
    assertThat(points.balance(no)).isEqualTo(25);
    assertThat(entries(jdbc, no, "EARN_PAYMENT")).isEqualTo(2);
  }

  @Test
  void points_roll_back_with_the_payment() {
    // given
    AccountNo no = anAccount().insert(jdbc).accountNo();
    PaymentConfirmed payment = payment(no, "P" + System.nanoTime(), "500.00", "web", true);

    // when the confirming transaction rolls back
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            status -> {
              events.publishEvent(payment);
              status.setRollbackOnly();
            });

    // then
    assertThat(points.balance(no)).isZero();
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM points_entry WHERE reference = ?",
                Integer.class,
                payment.outTradeNo()))
        .isZero();
  }

  @Test
  void a_payment_of_an_unknown_account_earns_nothing_and_does_not_fail_the_payment() {
    AccountNo unknown = newAccountNo();

    confirm(payment(unknown, "P" + System.nanoTime(), "100.00", "wechat", true));

    assertThat(points.balance(unknown)).isZero();
  }

  @Test
  void online_service_points_are_earned_once_per_reference() {
    // given
    AccountNo no = anAccount().insert(jdbc).accountNo();
    AccountNo other = anAccount().insert(jdbc).accountNo();
    String reference = "appointment:A" + System.nanoTime();

    // when
    int first = points.earnForOnlineService(no, reference);
    int again = points.earnForOnlineService(no, reference);

    // then
    assertThat(first).isEqualTo(5);
    assertThat(again).isZero();
    assertThat(points.balance(no)).isEqualTo(5);
    assertThatThrownBy(() -> points.earnForOnlineService(other, reference))
        .isInstanceOf(PointsReferenceConflict.class);
    assertThatThrownBy(() -> points.earnForOnlineService(newAccountNo(), "x:" + System.nanoTime()))
        .isInstanceOf(AccountNotFound.class);
    assertThatThrownBy(() -> points.earnForOnlineService(no, "bad reference!"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void redeeming_a_coupon_takes_the_points_issues_a_code_uses_it_and_tells_the_customer() {
    // given 250 points
    AccountNo no = withPoints(250);
    String requestId = newRequestId();

    // when two 5-yuan coupons (100 points each) are redeemed
    Redemption redemption = points.redeem(no, "BILL_COUPON_5", 2, requestId);

    // then
    assertThat(redemption.points()).isEqualTo(200);
    assertThat(redemption.couponCode()).matches("QD[A-Z2-9]{10}");
    assertThat(redemption.couponAmount()).isEqualTo(new BigDecimal("10.00"));
    assertThat(redemption.itemName()).isEqualTo("5元电费抵扣券");
    assertThat(redemption.status()).isEqualTo(RedemptionStatus.USED);
    assertThat(points.balance(no)).isEqualTo(50);
    assertThat(sumOfRemaining(jdbc, no)).isEqualTo(50);
    assertThat(points.redemptions(no)).containsExactly(redemption);
    assertThat(notifications.to(no))
        .singleElement()
        .satisfies(n -> assertThat(n.text()).contains(redemption.couponCode()));

    // and the same request again returns the same redemption and takes nothing more
    assertThat(points.redeem(no, "BILL_COUPON_5", 2, requestId)).isEqualTo(redemption);
    assertThat(points.balance(no)).isEqualTo(50);
    assertThatThrownBy(() -> points.redeem(no, "BILL_COUPON_10", 1, requestId))
        .isInstanceOf(PointsReferenceConflict.class);
  }

  @Test
  void redemptions_are_refused_with_a_reason_and_take_nothing() {
    // given
    AccountNo no = withPoints(120);
    String gift = aGift(jdbc, 100, 0);

    // then
    assertThatThrownBy(() -> points.redeem(no, "BILL_COUPON_10", 1, newRequestId()))
        .isInstanceOfSatisfying(
            InsufficientPoints.class,
            e -> assertThat(List.of(e.balance(), e.needed())).containsExactly(120, 190));
    assertThatThrownBy(() -> points.redeem(no, gift, 1, newRequestId()))
        .isInstanceOf(PointsItemOutOfStock.class);
    assertThatThrownBy(() -> points.redeem(no, "NO_SUCH_ITEM", 1, newRequestId()))
        .isInstanceOf(PointsItemNotFound.class);
    assertThatThrownBy(() -> points.redeem(no, "BILL_COUPON_5", 0, newRequestId()))
        .isInstanceOf(QuantityNotAllowed.class);
    assertThatThrownBy(() -> points.redeem(no, "BILL_COUPON_5", 11, newRequestId()))
        .isInstanceOf(QuantityNotAllowed.class);
    assertThatThrownBy(
            () ->
                points.redeem(
                    anAccount().insert(jdbc).accountNo(), "BILL_COUPON_5", 1, newRequestId()))
        .isInstanceOfSatisfying(InsufficientPoints.class, e -> assertThat(e.balance()).isZero());
    assertThat(points.balance(no)).isEqualTo(120);
    assertThat(stockOf(jdbc, gift)).isZero();
    assertThat(points.redemptions(no)).isEmpty();
  }

  @Test
  void cancelling_refunds_the_points_and_puts_the_stock_back_once() {
    // given
    AccountNo no = withPoints(300);
    String gift = aGift(jdbc, 150, 5);
    String requestId = newRequestId();
    points.redeem(no, gift, 2, requestId);
    assertThat(stockOf(jdbc, gift)).isEqualTo(3);

    // when
    Redemption cancelled = points.cancel(requestId);

    // then
    assertThat(cancelled.status()).isEqualTo(RedemptionStatus.CANCELLED);
    assertThat(points.balance(no)).isEqualTo(300);
    assertThat(stockOf(jdbc, gift)).isEqualTo(5);
    assertThat(notifications.to(no))
        .extracting(n -> n.key())
        .last()
        .asString()
        .endsWith(":CANCELLED");
    assertThatThrownBy(() -> points.cancel(requestId))
        .isInstanceOfSatisfying(
            RedemptionTransitionNotAllowed.class,
            e ->
                assertThat(List.of(e.from(), e.to()))
                    .containsExactly(RedemptionStatus.CANCELLED, RedemptionStatus.CANCELLED));
    assertThatThrownBy(() -> points.markUsed(requestId))
        .isInstanceOf(RedemptionTransitionNotAllowed.class)
        .hasMessageContaining("CANCELLED to USED");
    assertThat(points.balance(no)).isEqualTo(300);
    assertThatThrownBy(() -> points.cancel("no-such-request"))
        .isInstanceOf(RedemptionNotFound.class);
  }

  @Test
  void a_used_redemption_cannot_be_cancelled() {
    AccountNo no = withPoints(100);
    String requestId = newRequestId();
    points.redeem(no, aGift(jdbc, 100, null), 1, requestId);

    assertThat(points.markUsed(requestId).status()).isEqualTo(RedemptionStatus.USED);
    assertThatThrownBy(() -> points.cancel(requestId))
        .isInstanceOf(RedemptionTransitionNotAllowed.class)
        .hasMessageContaining("USED to CANCELLED");
    assertThat(points.balance(no)).isZero();
  }

  @Test
  void redemptions_spend_the_oldest_lots_first_and_expiry_writes_off_only_the_rest_once() {
    // given two lots of 100 and 50, the first expiring earlier
    AccountNo no = anAccount().insert(jdbc).accountNo();
    points.adjust(no, 100, "grant:" + System.nanoTime());
    points.adjust(no, 50, "grant:" + System.nanoTime());
    long older = lotId(no, 100);
    long newer = lotId(no, 50);
    jdbc.update(
        "UPDATE points_entry SET expires_at = ? WHERE id = ?",
        java.sql.Timestamp.from(Instant.now().plus(1, ChronoUnit.DAYS)),
        older);

    // when 120 are spent
    points.adjust(no, -120, "correction:" + System.nanoTime());

    // then the older lot is used up and the newer one keeps 30
    assertThat(remaining(older)).isZero();
    assertThat(remaining(newer)).isEqualTo(30);

    // when the expiry runs past both expiry dates, twice
    Instant asOf = Instant.now().atOffset(ZoneOffset.UTC).plusMonths(25).toInstant();
    ExpiryRun first = points.expire(asOf);
    ExpiryRun second = points.expire(asOf);

    // then only the 30 unspent points of the newer lot expired, once
    assertThat(first.points()).isGreaterThanOrEqualTo(30);
    assertThat(second).isEqualTo(new ExpiryRun(0, 0, 0));
    assertThat(
            jdbc.queryForList(
                "SELECT delta, reference FROM points_entry WHERE account_no = ? AND reason = 'EXPIRE'",
                no.value()))
        .extracting(row -> ((Number) row.get("delta")).intValue(), row -> row.get("reference"))
        .containsExactly(tuple(-30, "lot:" + newer));
    assertThat(points.balance(no)).isZero();
    assertThat(storedBalance(jdbc, no)).isZero().isEqualTo(sumOfDeltas(jdbc, no));
  }

  @Test
  void points_past_their_expiry_cannot_be_spent_even_before_the_job_ran() {
    // given a lot of 100 that expired yesterday and one of 40 that did not
    AccountNo no = anAccount().insert(jdbc).accountNo();
    points.adjust(no, 100, "grant:" + System.nanoTime());
    points.adjust(no, 40, "grant:" + System.nanoTime());
    jdbc.update(
        "UPDATE points_entry SET expires_at = ? WHERE id = ?",
        java.sql.Timestamp.from(Instant.now().minus(1, ChronoUnit.DAYS)),
        lotId(no, 100));

    // then
    assertThat(points.balance(no)).isEqualTo(40);
    assertThatThrownBy(() -> points.redeem(no, "BILL_COUPON_5", 1, newRequestId()))
        .isInstanceOfSatisfying(
            InsufficientPoints.class, e -> assertThat(e.balance()).isEqualTo(40));
  }

  @Test
  void history_is_latest_first_and_paged() {
    // given five entries
    AccountNo no = anAccount().insert(jdbc).accountNo();
    for (int i = 1; i <= 5; i++) {
      points.adjust(no, i, "grant:" + i + ":" + System.nanoTime());
    }

    // when
    PointsPage first = points.history(no, 0, 2);
    PointsPage last = points.history(no, 2, 2);

    // then
    assertThat(first.entries()).extracting(PointsEntry::delta).containsExactly(5, 4);
    assertThat(first.total()).isEqualTo(5);
    assertThat(first.hasNext()).isTrue();
    assertThat(last.entries()).extracting(PointsEntry::delta).containsExactly(1);
    assertThat(last.hasNext()).isFalse();
    assertThat(first.entries().get(0).reason()).isEqualTo(PointsReason.ADJUST);
    assertThat(first.entries().get(0).expiresAt())
        .isAfter(Instant.now().plus(700, ChronoUnit.DAYS));
    assertThatThrownBy(() -> points.history(no, 0, 101))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void the_catalogue_lists_the_seeded_items_in_order() {
    assertThat(points.catalogue())
        .extracting(CatalogueItem::code)
        .startsWith("BILL_COUPON_5", "BILL_COUPON_10", "GIFT_LED_BULB", "GIFT_SAFE_SOCKET");
    assertThat(points.catalogue().get(0).couponAmount()).isEqualTo(new BigDecimal("5.00"));
  }

  private AccountNo withPoints(int amount) {
    AccountNo no = anAccount().insert(jdbc).accountNo();
    points.adjust(no, amount, "grant:" + System.nanoTime());
    return no;
  }

  private void confirm(PaymentConfirmed payment) {
    new TransactionTemplate(transactions)
        .executeWithoutResult(status -> events.publishEvent(payment));
  }

  private static PaymentConfirmed payment(
      AccountNo no, String outTradeNo, String amount, String channel, boolean onTime) {
    return new PaymentConfirmed(
        outTradeNo, no, new BigDecimal(amount), channel, null, onTime, Instant.now());
  }

  private long lotId(AccountNo no, int delta) {
    return jdbc.queryForObject(
        "SELECT id FROM points_entry WHERE account_no = ? AND delta = ?",
        Long.class,
        no.value(),
        delta);
  }

  private int remaining(long lotId) {
    return jdbc.queryForObject(
        "SELECT remaining FROM points_entry WHERE id = ?", Integer.class, lotId);
  }
}
