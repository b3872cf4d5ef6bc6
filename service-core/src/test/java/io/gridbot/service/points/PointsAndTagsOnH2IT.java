package io.gridbot.service.points;

import static io.gridbot.service.points.PointsTestData.anAccountOnH2;
import static io.gridbot.service.points.PointsTestData.newRequestId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.payment.PaymentConfirmed;
import io.gridbot.service.tag.CustomerTag;
import io.gridbot.service.tag.TagService;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
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

    // then 200 + 5 + 10 earned, 190 spent
    assertThat(redemption.couponCode()).isNotNull();
    assertThat(points.balance(no)).isEqualTo(25);
    assertThat(points.cancel(redemption.requestId()).status())
        .isEqualTo(RedemptionStatus.CANCELLED);
    assertThat(points.balance(no)).isEqualTo(215);
    assertThat(points.history(no, 0, 10).total()).isEqualTo(5);

    // when
    Instant later = Instant.now().atOffset(ZoneOffset.UTC).plusMonths(30).toInstant();
    points.expire(later);

    // then
    assertThat(points.expire(later).lots()).isZero();
    assertThat(points.balance(no)).isZero();
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
