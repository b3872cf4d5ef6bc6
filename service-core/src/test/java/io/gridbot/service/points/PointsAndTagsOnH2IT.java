package io.gridbot.service.points;

import static io.gridbot.service.TestData.aBill;
import static io.gridbot.service.points.PointsTestData.aGift;
import static io.gridbot.service.points.PointsTestData.anAccountOnH2;
import static io.gridbot.service.points.PointsTestData.newRequestId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.payment.EntryType;
import io.gridbot.service.payment.LedgerEntry;
import io.gridbot.service.payment.LedgerService;
import io.gridbot.service.payment.PaymentConfirmed;
import io.gridbot.service.payment.Position;
import io.gridbot.service.tag.CustomerTag;
import io.gridbot.service.tag.TagService;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** The points and tag SQL on H2 in MySQL mode, as the embedded default profile runs it. */
@SpringBootTest
@ActiveProfiles("h2")
@Import(RecordingNotifications.class)
class PointsAndTagsOnH2IT {

  @Autowired PointsService points;
  @Autowired TagService tags;
  @Autowired LedgerService ledger;
  @Autowired ApplicationEventPublisher events;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void keepDemoAccountsFreeOfTags() {
    jdbc.update("DELETE FROM customer_tag WHERE account_no LIKE '330000000_'");
  }

  @Test
  void earn_redeem_cancel_and_expire() {
    // given
    AccountNo no = anAccountOnH2(jdbc, "POSTPAID", "0.00");
    PaymentConfirmed payment =
        new PaymentConfirmed(
            "H2-" + System.nanoTime(),
            no,
            new BigDecimal("2000.00"),
            "web",
            null,
            true,
            Instant.now());

    // when
    events.publishEvent(payment);
    events.publishEvent(payment);
    Redemption redemption = points.redeem(no, "BILL_COUPON_10", 1, newRequestId());
    Redemption gift = points.redeem(no, aGift(jdbc, 20, null), 1, newRequestId());

    // then 200 + 5 + 10 earned, 190 + 20 spent; the coupon is used, the gift can be cancelled
    assertThat(redemption.couponCode()).isNotNull();
    assertThat(redemption.status()).isEqualTo(RedemptionStatus.USED);
    assertThat(points.balance(no)).isEqualTo(5);
    assertThatThrownBy(() -> points.cancel(redemption.requestId()))
        .isInstanceOf(RedemptionTransitionNotAllowed.class);
    assertThat(points.cancel(gift.requestId()).status()).isEqualTo(RedemptionStatus.CANCELLED);
    assertThat(points.balance(no)).isEqualTo(25);
    assertThat(points.history(no, 0, 10).total()).isEqualTo(6);

    // when
    Instant later = Instant.now().atOffset(ZoneOffset.UTC).plusMonths(30).toInstant();
    points.expire(later);

    // then
    assertThat(points.expire(later).lots()).isZero();
    assertThat(points.balance(no)).isZero();
  }

  @Test
  void a_coupon_settles_the_oldest_open_bill_and_then_raises_the_balance() {
    // given a postpaid account owing 3.00 for January and 4.00 for February, with 400 points
    AccountNo no = anAccountOnH2(jdbc, "POSTPAID", "0.00");
    for (String[] bill : new String[][] {{"2026-01", "3.00"}, {"2026-02", "4.00"}}) {
      aBill(no).period(bill[0]).amount(bill[1]).insert(jdbc);
      ledger.chargeBill(no, YearMonth.parse(bill[0]));
    }
    points.adjust(no, 400, "grant:" + System.nanoTime());

    // when a 5-yuan coupon, then a 10-yuan one, are redeemed
    Redemption five = points.redeem(no, "BILL_COUPON_5", 1, newRequestId());
    points.redeem(no, "BILL_COUPON_10", 1, newRequestId());

    // then the first paid January and 2.00 of February, the second the rest and 8.00 prepaid
    List<LedgerEntry> coupons =
        ledger.entries(no).stream().filter(e -> e.type() == EntryType.COUPON).toList();
    assertThat(coupons).hasSize(2);
    assertThat(coupons.get(0).reference()).isEqualTo(five.requestId());
    assertThat(coupons.get(0).arrearsDelta()).isEqualByComparingTo("-5.00");
    assertThat(coupons.get(1).arrearsDelta()).isEqualByComparingTo("-2.00");
    assertThat(coupons.get(1).balanceDelta()).isEqualByComparingTo("8.00");
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM bill WHERE account_no = ? AND paid = TRUE",
                Integer.class,
                no.value()))
        .isEqualTo(2);
    Position row =
        jdbc.queryForObject(
            "SELECT balance, arrears FROM account WHERE account_no = ?",
            (rs, i) -> new Position(rs.getBigDecimal(1), rs.getBigDecimal(2)),
            no.value());
    assertThat(row).isEqualTo(new Position(new BigDecimal("8.00"), new BigDecimal("0.00")));
    assertThat(ledger.derivedPosition(no)).isEqualTo(row);

    // and the schema accepts coupon entries only as positive credits naming no refund
    String entry =
        "INSERT INTO ledger_entry (account_no, entry_type, amount, balance_delta, arrears_delta,"
            + " balance_after, arrears_after, reference, occurred_at) VALUES (?, 'COUPON', %s, %s,"
            + " 0, 0, 0, 'x', CURRENT_TIMESTAMP(3))";
    assertThatThrownBy(() -> jdbc.update(entry.formatted("-1.00", "-1.00"), no.value()))
        .hasMessageContaining("ck_ledger_entry_type");
    assertThatThrownBy(() -> jdbc.update(entry.formatted("0.00", "0.00"), no.value()))
        .hasMessageContaining("ck_ledger_entry_type");
  }

  @Test
  void tags_from_bills_and_staff() {
    AccountNo no = anAccountOnH2(jdbc, "PREPAID", "3.00");
    tags.addStaffTag(no, CustomerTag.ELDERLY, "staff-001");

    assertThat(tags.recompute(no)).containsExactly(CustomerTag.PREPAID_LOW_BALANCE);
    assertThat(tags.recomputeAll()).isPositive();
    assertThat(tags.tipsFor(no)).hasSize(2);
    assertThat(tags.accountsWithTag(CustomerTag.ELDERLY, null, 10)).containsExactly(no);
  }

  @Test
  void check_constraints_hold_on_h2() {
    assertThatThrownBy(
            () ->
                jdbc.update(
                    "INSERT INTO points_item (code, name, kind, cost) VALUES ('X', 'x', 'CASH', 1)"))
        .isInstanceOf(DataIntegrityViolationException.class)
        .hasMessageContaining("ck_points_item_kind");
    assertThatThrownBy(
            () -> jdbc.update("UPDATE points_item SET kind = 'GIFT' WHERE code = 'BILL_COUPON_5'"))
        .hasMessageContaining("ck_points_item_kind");
    assertThatThrownBy(
            () ->
                jdbc.update(
                    "INSERT INTO points_item (code, name, kind, cost, stock)"
                        + " VALUES ('Y', 'y', 'GIFT', 1, -1)"))
        .hasMessageContaining("ck_points_item_stock");
  }
}
