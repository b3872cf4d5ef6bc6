package io.gridbot.service.payment;

import static io.gridbot.service.TestData.anAccount;
import static io.gridbot.service.TestData.newWechatUser;
import static io.gridbot.service.payment.PaymentAssertions.yuan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.service.MutableClock;
import io.gridbot.service.account.AccountNo;
import io.gridbot.service.notification.Notice;
import io.gridbot.service.port.ChannelRefunds;
import io.gridbot.service.port.ChannelRefunds.PendingRefund;
import io.gridbot.service.port.ChannelRefunds.Recorded;
import io.gridbot.service.port.ChannelRefunds.SentRefund;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
  @Autowired RefundDispatches staffView;
  @Autowired JdbcTemplate jdbc;
  @Autowired MutableClock clock;
  @Autowired Clock anyClock;
  @Autowired PaymentTestConfiguration.RecordingPublisher notices;

  @BeforeEach
  void now() {
    // refunds are stamped with the system time: start every test just after it, on a whole second
    // (the test database keeps whole seconds)
    clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1));
  }

  private String refundOf(PaymentChannel channel) {
    return refund(channel).outRefundNo();
  }

  private Refund refund(PaymentChannel channel) {
    AccountNo no = anAccount().prepaid("0").insert(jdbc).accountNo();
    OutTradeNo otn = payments.createOrder(no, yuan("60.00"), channel, newWechatUser()).outTradeNo();
    payments.confirm(otn, yuan("60.00"), "T" + otn.value(), Instant.now());
    return payments.refund(otn, yuan("25.00"), "多缴退费", "staff-1");
  }

  private List<Notice> arrivedNotices(Refund refund) {
    return notices.about(refund.outTradeNo()).stream()
        .map(PaymentTestConfiguration.Published::notice)
        .filter(n -> n.key().endsWith(":arrived"))
        .toList();
  }

  private boolean awaited(String channel, Instant olderThan, String outRefundNo) {
    return refunds.awaiting(channel, olderThan, 1000).stream()
        .map(SentRefund::outRefundNo)
        .anyMatch(outRefundNo::equals);
  }

  private Instant utc(Object dateTime) {
    return ((LocalDateTime) dateTime).toInstant(ZoneOffset.UTC);
  }

  private Map<String, Object> row(String outRefundNo) {
    return jdbc.queryForMap(
        "SELECT state, attempts, last_error, failure, next_attempt_at, sent_at, checked_at,"
            + " finished_at, platform_refund_id FROM refund_dispatch"
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

  @Test
  void aSentRefundIsAwaitedOnceItsLastWordIsOlderThanAsked() {
    // given a refund accepted by WeChat Pay now
    String no = refundOf(PaymentChannel.WECHAT);
    Instant sentAt = clock.instant();
    assertThat(refunds.sent(no, "50300000001")).isTrue();

    // then it is awaited only by a follow-up that asks for refunds untold since after that
    assertThat(row(no)).containsEntry("state", "SENT");
    assertThat(utc(row(no).get("sent_at"))).isEqualTo(sentAt);
    assertThat(awaited("wechat", sentAt, no)).isFalse();
    assertThat(awaited("wechat", sentAt.plusSeconds(1), no)).isTrue();
    assertThat(awaited("alipay", sentAt.plusSeconds(1), no)).isFalse();
    SentRefund sent =
        refunds.awaiting("wechat", sentAt.plusSeconds(1), 1000).stream()
            .filter(r -> r.outRefundNo().equals(no))
            .findFirst()
            .orElseThrow();
    assertThat(sent.platformRefundId()).isEqualTo("50300000001");
    assertThat(sent.amount()).isEqualByComparingTo("25.00");

    // when the platform says it is still processing ten minutes later
    clock.advance(Duration.ofMinutes(10));
    Instant checkedAt = clock.instant();
    assertThat(refunds.processing(no)).isEqualTo(Recorded.CHANGED);

    // then it waits for the next round, and its sending time stays
    assertThat(awaited("wechat", checkedAt, no)).isFalse();
    assertThat(awaited("wechat", checkedAt.plusSeconds(1), no)).isTrue();
    assertThat(utc(row(no).get("sent_at"))).isEqualTo(sentAt);
    assertThat(utc(row(no).get("checked_at"))).isEqualTo(checkedAt);
    assertThat(refunds.processing("R0000000000000000000000")).isEqualTo(Recorded.UNKNOWN);
  }

  @Test
  void aSucceededRefundIsFinalAndThePayerIsToldOnce() {
    // given a sent refund
    Refund refund = refund(PaymentChannel.WECHAT);
    String no = refund.outRefundNo();
    refunds.sent(no, null);
    Instant paidBack = clock.instant().minusSeconds(30);

    // when WeChat Pay reports it paid back, twice
    Recorded first = refunds.succeeded(no, "50300000002", paidBack);
    Recorded again = refunds.succeeded(no, "50300000002", paidBack);

    // then it succeeded once, at the platform's time, and the payer was told once
    assertThat(first).isEqualTo(Recorded.CHANGED);
    assertThat(again).isEqualTo(Recorded.ALREADY);
    assertThat(row(no))
        .containsEntry("state", "SUCCEEDED")
        .containsEntry("platform_refund_id", "50300000002");
    assertThat(utc(row(no).get("finished_at"))).isEqualTo(paidBack);
    List<Notice> told = arrivedNotices(refund);
    assertThat(told).hasSize(1);
    assertThat(told.get(0).kind()).isEqualTo("payment");
    assertThat(told.get(0).text()).contains("25.00元").contains("微信支付").contains("已于");
    assertThat(told.get(0).data()).containsEntry("outRefundNo", no);

    // and nothing moves it any more
    assertThat(awaited("wechat", clock.instant().plusSeconds(60), no)).isFalse();
    assertThat(refunds.abnormal(no, null, "ABNORMAL")).isEqualTo(Recorded.REFUSED);
    assertThat(refunds.processing(no)).isEqualTo(Recorded.REFUSED);
    assertThat(refunds.sendAgain(no, "not found")).isEqualTo(Recorded.REFUSED);
    assertThat(refunds.sent(no, "x")).isFalse();
    assertThat(refunds.failed(no, "x")).isFalse();
    assertThat(refunds.retryLater(no, "x")).isFalse();
    assertThat(row(no)).containsEntry("state", "SUCCEEDED").containsEntry("last_error", null);
    assertThat(arrivedNotices(refund)).hasSize(1);
  }

  @Test
  void anAbnormalEndIsForStaffUntilThePlatformPaysAfterAll() {
    // given a sent refund
    Refund refund = refund(PaymentChannel.WECHAT);
    String no = refund.outRefundNo();
    refunds.sent(no, "50300000003");

    // when WeChat Pay reports it abnormal, twice
    assertThat(refunds.abnormal(no, null, "WeChat Pay refund status ABNORMAL"))
        .isEqualTo(Recorded.CHANGED);
    assertThat(refunds.abnormal(no, null, "again")).isEqualTo(Recorded.ALREADY);

    // then it is abnormal with the reason, no longer awaited, and nobody was told of money back
    assertThat(row(no))
        .containsEntry("state", "ABNORMAL")
        .containsEntry("last_error", "WeChat Pay refund status ABNORMAL")
        .containsEntry("platform_refund_id", "50300000003");
    assertThat(row(no).get("finished_at")).isNotNull();
    assertThat(awaited("wechat", clock.instant().plusSeconds(60), no)).isFalse();
    assertThat(refunds.processing(no)).isEqualTo(Recorded.REFUSED);
    assertThat(arrivedNotices(refund)).isEmpty();

    // when staff had WeChat Pay pay it to another account, and it reports success
    assertThat(refunds.succeeded(no, null, null)).isEqualTo(Recorded.CHANGED);

    // then it succeeded after all and the payer is told
    assertThat(row(no)).containsEntry("state", "SUCCEEDED");
    assertThat(arrivedNotices(refund)).hasSize(1);
  }

  @Test
  void thePlatformsWordWinsOverAStateItArrivesBefore() {
    // a notification before the job recorded the refund as sent
    String early = refundOf(PaymentChannel.WECHAT);
    assertThat(refunds.succeeded(early, "50300000004", null)).isEqualTo(Recorded.CHANGED);
    assertThat(row(early)).containsEntry("state", "SUCCEEDED");
    assertThat(refunds.sent(early, "50300000004")).isFalse();

    // a pending refund reported abnormal
    String abnormal = refundOf(PaymentChannel.WECHAT);
    assertThat(refunds.abnormal(abnormal, null, "CLOSED")).isEqualTo(Recorded.CHANGED);
    assertThat(row(abnormal)).containsEntry("state", "ABNORMAL");

    // a refund given up after transient errors, then reported paid back
    String gaveUp = refundOf(PaymentChannel.ALIPAY);
    for (int i = 0; i < 5; i++) {
      refunds.retryLater(gaveUp, "timeout");
    }
    assertThat(row(gaveUp)).containsEntry("state", "FAILED");
    assertThat(refunds.abnormal(gaveUp, null, "CLOSED")).isEqualTo(Recorded.REFUSED);
    assertThat(refunds.succeeded(gaveUp, null, null)).isEqualTo(Recorded.CHANGED);
    assertThat(row(gaveUp)).containsEntry("state", "SUCCEEDED").containsEntry("failure", null);

    // nothing is known of a refund that does not exist
    String none = "R0000000000000000000000";
    assertThat(refunds.succeeded(none, null, null)).isEqualTo(Recorded.UNKNOWN);
    assertThat(refunds.abnormal(none, null, "x")).isEqualTo(Recorded.UNKNOWN);
    assertThat(refunds.sendAgain(none, "x")).isEqualTo(Recorded.UNKNOWN);
  }

  @Test
  void aSentRefundThePlatformDidNotCarryOutIsSentAgainAfterAWaitUpToTheCap() {
    // given a sent refund
    String no = refundOf(PaymentChannel.ALIPAY);
    refunds.sent(no, "2026112722001400000002");
    assertThat(refunds.sendAgain(refundOf(PaymentChannel.ALIPAY), "x"))
        .as("only a sent refund is sent again")
        .isEqualTo(Recorded.REFUSED);

    // when Alipay's query shows no refund
    Instant at = clock.instant();
    assertThat(refunds.sendAgain(no, "refund_status missing")).isEqualTo(Recorded.CHANGED);

    // then it is pending again after a minute, one attempt counted
    assertThat(row(no))
        .containsEntry("state", "PENDING")
        .containsEntry("attempts", 1)
        .containsEntry("last_error", "refund_status missing");
    assertThat(nextAttemptAt(no)).isEqualTo(at.plus(Duration.ofMinutes(1)));
    assertThat(listed("alipay", no)).isFalse();
    assertThat(awaited("alipay", at.plusSeconds(60), no)).isFalse();
    clock.advance(Duration.ofMinutes(1));
    assertThat(listed("alipay", no)).isTrue();

    // when it is sent and not carried out until the cap (5 here)
    for (int i = 2; i <= 5; i++) {
      refunds.sent(no, null);
      refunds.sendAgain(no, "refund_status missing " + i);
    }

    // then it failed for staff
    assertThat(row(no))
        .containsEntry("state", "FAILED")
        .containsEntry("failure", "ATTEMPTS")
        .containsEntry("attempts", 5)
        .containsEntry("last_error", "refund_status missing 5");
  }

  @Test
  void staffSendAgainOnlyARefundThatFailedAfterTooManyAttempts() {
    // given a refund given up after transient errors (cap 5), and one refused for good
    String gaveUp = refundOf(PaymentChannel.WECHAT);
    for (int i = 0; i < 5; i++) {
      refunds.retryLater(gaveUp, "connect timed out");
    }
    String refused = refundOf(PaymentChannel.WECHAT);
    refunds.failed(refused, "NOT_ENOUGH");
    String pending = refundOf(PaymentChannel.WECHAT);
    clock.advance(Duration.ofMinutes(5));

    // when staff send the first again
    RefundDispatch retried = staffView.retry(gaveUp, "staff-1");

    // then it is pending and due now, its attempts from zero, the last error kept for now
    assertThat(retried.state()).isEqualTo(RefundDispatchState.PENDING);
    assertThat(retried.attempts()).isZero();
    assertThat(retried.failure()).isNull();
    assertThat(retried.lastError()).isEqualTo("connect timed out");
    assertThat(retried.nextAttemptAt()).isEqualTo(clock.instant());
    assertThat(listed("wechat", gaveUp)).isTrue();

    // and nothing else can be sent again
    assertThatThrownBy(() -> staffView.retry(gaveUp, "staff-1"))
        .isInstanceOf(RefundRetryRefused.class)
        .hasMessageContaining("PENDING");
    assertThatThrownBy(() -> staffView.retry(refused, "staff-1"))
        .isInstanceOf(RefundRetryRefused.class)
        .hasMessageContaining("REFUSED");
    assertThatThrownBy(() -> staffView.retry(pending, "staff-1"))
        .isInstanceOf(RefundRetryRefused.class);
    assertThatThrownBy(() -> staffView.retry("R0000000000000000000000", "staff-1"))
        .isInstanceOf(RefundDispatchNotFound.class);
    assertThat(row(refused)).containsEntry("state", "FAILED").containsEntry("failure", "REFUSED");
  }

  @Test
  void staffListRefundsNewestFirstByStateAndChannelPageByPage() {
    // given three refunds, the last two of WeChat Pay orders, the middle one sent
    String first = refundOf(PaymentChannel.WECHAT);
    String second = refundOf(PaymentChannel.ALIPAY);
    String third = refundOf(PaymentChannel.WECHAT);
    refunds.sent(second, "2026112722001400000009");

    // when / then
    List<String> newest =
        staffView.list(null, null, null, 3).stream().map(RefundDispatch::outRefundNo).toList();
    assertThat(newest).containsExactly(third, second, first);
    assertThat(staffView.list(RefundDispatchState.SENT, PaymentChannel.ALIPAY, null, 500))
        .extracting(RefundDispatch::outRefundNo)
        .contains(second)
        .doesNotContain(first, third);
    assertThat(staffView.list(null, PaymentChannel.WECHAT, null, 500))
        .allMatch(r -> r.channel() == PaymentChannel.WECHAT)
        .extracting(RefundDispatch::outRefundNo)
        .contains(first, third)
        .doesNotContain(second);
    assertThat(staffView.list(null, null, third, 2))
        .extracting(RefundDispatch::outRefundNo)
        .containsExactly(second, first);
    RefundDispatch shown = staffView.find(second).orElseThrow();
    assertThat(shown.platformRefundId()).isEqualTo("2026112722001400000009");
    assertThat(shown.reason()).isEqualTo("多缴退费");
    assertThat(shown.staff()).isEqualTo("staff-1");
    assertThat(shown.sentAt()).isNotNull();
    assertThat(staffView.find("R0000000000000000000000")).isEmpty();
    assertThatThrownBy(() -> staffView.list(null, null, null, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> staffView.list(null, PaymentChannel.COUNTER, null, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> staffView.list(null, null, "R0000000000000000000000", 10))
        .isInstanceOf(RefundDispatchNotFound.class);
  }
}
