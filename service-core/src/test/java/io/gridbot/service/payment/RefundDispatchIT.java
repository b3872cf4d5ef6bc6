package io.gridbot.service.payment;

import static io.gridbot.service.TestData.anAccount;
import static io.gridbot.service.TestData.newWechatUser;
import static io.gridbot.service.payment.PaymentAssertions.yuan;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.service.MutableClock;
import io.gridbot.service.account.AccountNo;
import io.gridbot.service.port.ChannelRefunds;
import io.gridbot.service.port.ChannelRefunds.PendingRefund;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The life of a refund in {@code refund_dispatch} on MariaDB, time moved by hand: backoff after
 * transient errors, the attempt cap, and the transitions the port allows and refuses.
 */
@SpringBootTest(properties = "gridbot.payment.refunds.max-attempts=5")
@ActiveProfiles("it")
@Import({PaymentTestConfiguration.class, RefundDispatchIT.Time.class})
class RefundDispatchIT {

  @TestConfiguration(proxyBeanMethods = false)
  static class Time {
    @Bean
    MutableClock refundClock() {
      return new MutableClock(Instant.now());
    }
  }

  @Autowired PaymentService payments;
  @Autowired ChannelRefunds refunds;
  @Autowired JdbcTemplate jdbc;
  @Autowired MutableClock clock;
  @Autowired Clock anyClock;

  @BeforeEach
  void now() {
    // refunds are stamped with the system time: start every test just after it, on a whole second
    // (the test database keeps whole seconds)
    clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1));
  }

  private String refundOf(PaymentChannel channel) {
    AccountNo no = anAccount().prepaid("0").insert(jdbc).accountNo();
    OutTradeNo otn = payments.createOrder(no, yuan("60.00"), channel, newWechatUser()).outTradeNo();
    payments.confirm(otn, yuan("60.00"), "T" + otn.value(), Instant.now());
    return payments.refund(otn, yuan("25.00"), "多缴退费", "staff-1").outRefundNo();
  }

  private Map<String, Object> row(String outRefundNo) {
    return jdbc.queryForMap(
        "SELECT state, attempts, last_error, failure, next_attempt_at FROM refund_dispatch"
            + " WHERE out_refund_no = ?",
        outRefundNo);
  }

  private Instant nextAttemptAt(String outRefundNo) {
    // DATETIME columns hold UTC (application-it.yml)
    return ((LocalDateTime) row(outRefundNo).get("next_attempt_at")).toInstant(ZoneOffset.UTC);
  }

  private boolean listed(String channel, String outRefundNo) {
    return refunds.pending(channel, 1000).stream()
        .map(PendingRefund::outRefundNo)
        .anyMatch(outRefundNo::equals);
  }

  @Test
  void theApplicationsOnlyClockIsTheOneRefundsUse() {
    assertThat(anyClock).isSameAs(clock);
  }

  @Test
  void aTransientErrorMakesTheRefundWaitAMinuteThenTwiceAsLongEachTime() {
    // given a refund due now
    String no = refundOf(PaymentChannel.WECHAT);
    assertThat(listed("wechat", no)).isTrue();

    // when the first send fails transiently
    Instant first = clock.instant();
    assertThat(refunds.retryLater(no, "connect timed out")).isTrue();

    // then it waits one minute, and is not listed before
    assertThat(nextAttemptAt(no)).isEqualTo(first.plus(Duration.ofMinutes(1)));
    assertThat(row(no))
        .containsEntry("state", "PENDING")
        .containsEntry("attempts", 1)
        .containsEntry("last_error", "connect timed out");
    assertThat(listed("wechat", no)).isFalse();
    clock.advance(Duration.ofSeconds(59));
    assertThat(listed("wechat", no)).isFalse();
    clock.advance(Duration.ofSeconds(1));
    assertThat(listed("wechat", no)).isTrue();

    // when it fails again, twice more: 2 then 4 minutes
    for (long minutes : new long[] {2, 4}) {
      Instant at = clock.instant();
      refunds.retryLater(no, "SYSTEM_ERROR");
      assertThat(nextAttemptAt(no)).isEqualTo(at.plus(Duration.ofMinutes(minutes)));
      clock.advance(Duration.ofMinutes(minutes).minusMillis(1));
      assertThat(listed("wechat", no)).isFalse();
      clock.advance(Duration.ofMillis(1));
      assertThat(listed("wechat", no)).isTrue();
    }
    assertThat(row(no)).containsEntry("attempts", 3);
  }

  @Test
  void theAttemptThatReachesTheCapFailsTheRefundWithTheLastError() {
    // given a refund that failed transiently four times (the cap is 5 here)
    String no = refundOf(PaymentChannel.ALIPAY);
    for (int i = 1; i <= 4; i++) {
      assertThat(refunds.retryLater(no, "ACQ.SYSTEM_ERROR " + i)).isTrue();
      clock.advance(Duration.ofHours(1));
    }
    assertThat(row(no)).containsEntry("state", "PENDING").containsEntry("attempts", 4);
    assertThat(listed("alipay", no)).isTrue();

    // when the fifth attempt fails too
    assertThat(refunds.retryLater(no, "connect timed out")).isTrue();

    // then it failed for staff, with the last error, and is never listed again
    assertThat(row(no))
        .containsEntry("state", "FAILED")
        .containsEntry("failure", "ATTEMPTS")
        .containsEntry("attempts", 5)
        .containsEntry("last_error", "connect timed out");
    clock.advance(Duration.ofDays(1));
    assertThat(listed("alipay", no)).isFalse();
    assertThat(refunds.retryLater(no, "again")).isFalse();
    assertThat(refunds.sent(no, "2026112722001400000001")).isFalse();
    assertThat(refunds.failed(no, "refused")).isFalse();
    assertThat(row(no)).containsEntry("attempts", 5).containsEntry("failure", "ATTEMPTS");
  }

  @Test
  void aRefusalFailsTheRefundAsRefusedAndLongErrorsAreCut() {
    String no = refundOf(PaymentChannel.WECHAT);

    assertThat(refunds.failed(no, "NOT_ENOUGH " + "余额不足".repeat(60))).isTrue();

    Map<String, Object> row = row(no);
    assertThat(row).containsEntry("state", "FAILED").containsEntry("failure", "REFUSED");
    assertThat((String) row.get("last_error")).startsWith("NOT_ENOUGH").hasSize(200);
    assertThat(refunds.retryLater(no, "x")).isFalse();
    assertThat(refunds.retryLater("R0000000000000000000000", "x")).isFalse();
  }
}
