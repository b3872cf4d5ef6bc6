package io.gridbot.service.points;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.notification.Notice;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CouponCodesAndNoticesTest {

  private static final AccountNo NO = new AccountNo("3300123456");

  @Test
  void coupon_codes_have_no_look_alike_characters_and_do_not_repeat() {
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String code = CouponCodes.next();
      assertThat(code).matches("QD[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}");
      codes.add(code);
    }
    assertThat(codes).hasSize(1000);
  }

  @Test
  void a_coupon_notice_tells_the_code_and_the_amount_in_chinese() {
    Redemption coupon =
        new Redemption(
            1,
            "req-1",
            NO,
            "BILL_COUPON_5",
            "5元电费抵扣券",
            2,
            200,
            "QDABCDEFGHJK",
            new BigDecimal("10.00"),
            RedemptionStatus.ISSUED,
            Instant.now());

    Notice notice = RedemptionNotices.issued(coupon);

    assertThat(notice.key()).isEqualTo("points:req-1:ISSUED");
    assertThat(notice.text())
        .contains("200积分")
        .contains("「5元电费抵扣券」×2")
        .contains("QDABCDEFGHJK")
        .contains("10.00元")
        .contains("您");
    assertThat(notice.data()).containsEntry("accountNo", "3300****56");
    assertThat(notice.data().values()).doesNotContain("3300123456");
  }

  @Test
  void gift_and_cancellation_notices() {
    Redemption gift =
        new Redemption(
            2,
            "req-2",
            NO,
            "GIFT_LED_BULB",
            "节能LED灯泡",
            1,
            150,
            null,
            null,
            RedemptionStatus.CANCELLED,
            Instant.now());

    assertThat(RedemptionNotices.issued(gift).text()).contains("工作人员").doesNotContain("券码");
    Notice cancelled = RedemptionNotices.cancelled(gift);
    assertThat(cancelled.key()).isEqualTo("points:req-2:CANCELLED");
    assertThat(cancelled.text()).contains("已取消").contains("150积分已退回");
  }
}
