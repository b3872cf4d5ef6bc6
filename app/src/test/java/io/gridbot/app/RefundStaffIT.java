package io.gridbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.payment.OutTradeNo;
import io.gridbot.service.payment.PaymentChannel;
import io.gridbot.service.payment.PaymentService;
import io.gridbot.service.port.ChannelRefunds;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * Staff follow refunds through WeChat Pay and Alipay over HTTP ({@code /api/staff/refunds}), send
 * again one that failed after too many attempts, and see the day's refunds in the reconciliation,
 * against MariaDB. No channel is configured here: the refunds' fates are recorded through the
 * channels' port.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "gridbot.payment.refunds.max-attempts=2")
@ActiveProfiles("it")
@Import(CleanDatabase.class)
class RefundStaffIT {

  private static final String REFUNDS = "/api/staff/refunds";

  @LocalServerPort int port;
  @Autowired PaymentService payments;
  @Autowired ChannelRefunds channelRefunds;

  private StaffClient staff() {
    return StaffClient.demoStaff(port);
  }

  /** A refund of part of a paid order of {@code channel}. */
  private String refund(PaymentChannel channel) {
    BigDecimal amount = new BigDecimal("40.00");
    ChannelUser payer =
        new ChannelUser(channel.code(), "u-" + UUID.randomUUID().toString().substring(0, 8));
    OutTradeNo no =
        payments.createOrder(new AccountNo("3300000001"), amount, channel, payer).outTradeNo();
    payments.confirm(no, amount, "T" + no.value(), Instant.now());
    return payments.refund(no, new BigDecimal("15.00"), "多缴电费退回", "staff").outRefundNo();
  }

  private static List<String> numbers(JsonNode page) {
    List<String> numbers = new ArrayList<>();
    page.get("refunds").forEach(r -> numbers.add(r.get("outRefundNo").asString()));
    return numbers;
  }

  private JsonNode ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return StaffClient.json(response);
  }

  @Test
  void staffSeeRefundsNewestFirstFilteredAndPaged() {
    // given a pending WeChat Pay refund, a refused Alipay one and a succeeded WeChat Pay one
    String pending = refund(PaymentChannel.WECHAT);
    String refused = refund(PaymentChannel.ALIPAY);
    channelRefunds.failed(refused, "ACQ.TRADE_HAS_FINISHED 交易已完结");
    String succeeded = refund(PaymentChannel.WECHAT);
    channelRefunds.sent(succeeded, "50300000001");
    channelRefunds.succeeded(succeeded, null, null);

    // when / then: all, newest first
    assertThat(numbers(ok(staff().get(REFUNDS)))).containsSubsequence(succeeded, refused, pending);

    // by state and channel
    JsonNode failedAlipay = ok(staff().get(REFUNDS + "?state=failed&channel=alipay"));
    assertThat(numbers(failedAlipay)).contains(refused).doesNotContain(pending, succeeded);
    failedAlipay
        .get("refunds")
        .forEach(
            r -> {
              assertThat(r.get("state").asString()).isEqualTo("FAILED");
              assertThat(r.get("channel").asString()).isEqualTo("ALIPAY");
            });
    assertThat(numbers(ok(staff().get(REFUNDS + "?channel=wechat&state=SUCCEEDED"))))
        .contains(succeeded)
        .doesNotContain(pending, refused);

    // page by page
    JsonNode first = ok(staff().get(REFUNDS + "?limit=1"));
    assertThat(numbers(first)).containsExactly(succeeded);
    String next = first.get("next").asString();
    assertThat(next).isEqualTo(succeeded);
    JsonNode second = ok(staff().get(REFUNDS + "?limit=2&before=" + next));
    assertThat(numbers(second)).containsExactly(refused, pending);

    // one refund in full
    JsonNode shown = ok(staff().get(REFUNDS + "/" + refused));
    assertThat(shown.get("state").asString()).isEqualTo("FAILED");
    assertThat(shown.get("failure").asString()).isEqualTo("REFUSED");
    assertThat(shown.get("lastError").asString()).contains("ACQ.TRADE_HAS_FINISHED");
    assertThat(shown.get("amount").decimalValue()).isEqualByComparingTo("15.00");
    assertThat(shown.get("reason").asString()).isEqualTo("多缴电费退回");
    assertThat(shown.get("createdAt").asString()).isNotBlank();
    JsonNode done = ok(staff().get(REFUNDS + "/" + succeeded));
    assertThat(done.get("platformRefundId").asString()).isEqualTo("50300000001");
    assertThat(done.get("sentAt").asString()).isNotBlank();
    assertThat(done.get("finishedAt").asString()).isNotBlank();
  }

  @Test
  void badFiltersNameTheirFieldAndUnknownRefundsAreNotFound() {
    for (String[] bad :
        new String[][] {
          {"?state=LOST", "state"},
          {"?channel=web", "channel"},
          {"?limit=0", "limit"},
          {"?limit=501", "limit"},
          {"?limit=many", "limit"},
          {"?before=R0000000000000000000000", "before"}
        }) {
      HttpResponse<String> response = staff().get(REFUNDS + bad[0]);
      assertThat(response.statusCode()).as(bad[0] + " " + response.body()).isEqualTo(400);
      assertThat(StaffClient.json(response).get("field").asString()).isEqualTo(bad[1]);
      assertThat(StaffClient.json(response).get("detail").asString()).startsWith(bad[1] + ":");
    }

    HttpResponse<String> unknown = staff().get(REFUNDS + "/R0000000000000000000000");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(StaffClient.json(unknown).get("code").asString()).isEqualTo("refund.not-found");
    assertThat(staff().post(REFUNDS + "/R0000000000000000000000/retry", null).statusCode())
        .isEqualTo(404);
    assertThat(StaffClient.anonymous(port).get(REFUNDS).statusCode()).isEqualTo(401);
  }

  @Test
  void onlyARefundFailedAfterTooManyAttemptsIsSentAgain() {
    // given a refund given up after two transient errors (the cap here), and others
    String gaveUp = refund(PaymentChannel.WECHAT);
    channelRefunds.retryLater(gaveUp, "connect timed out");
    channelRefunds.retryLater(gaveUp, "SYSTEM_ERROR 系统错误");
    String refused = refund(PaymentChannel.ALIPAY);
    channelRefunds.failed(refused, "ACQ.SELLER_BALANCE_NOT_ENOUGH");
    String pending = refund(PaymentChannel.ALIPAY);
    JsonNode failed = ok(staff().get(REFUNDS + "/" + gaveUp));
    assertThat(failed.get("state").asString()).isEqualTo("FAILED");
    assertThat(failed.get("failure").asString()).isEqualTo("ATTEMPTS");
    assertThat(failed.get("attempts").asInt()).isEqualTo(2);
    assertThat(failed.get("reversals").asInt()).as("its money went back").isEqualTo(1);
    assertThat(failed.get("redebits").asInt()).isZero();

    // when staff send it again
    HttpResponse<String> retried = staff().post(REFUNDS + "/" + gaveUp + "/retry", null);

    // then it is pending, due now, its attempts from zero, and the channel lists it
    JsonNode again = ok(retried);
    assertThat(again.get("state").asString()).isEqualTo("PENDING");
    assertThat(again.get("attempts").asInt()).isZero();
    assertThat(again.get("failure").isNull()).isTrue();
    assertThat(again.get("redebits").asInt()).as("its money is taken off again").isEqualTo(1);
    assertThat(channelRefunds.pending("wechat", 1000))
        .extracting(ChannelRefunds.PendingRefund::outRefundNo)
        .contains(gaveUp);

    // and any other state is a conflict that changes nothing
    for (String no : List.of(gaveUp, refused, pending)) {
      HttpResponse<String> conflict = staff().post(REFUNDS + "/" + no + "/retry", null);
      assertThat(conflict.statusCode()).as(conflict.body()).isEqualTo(409);
      assertThat(StaffClient.json(conflict).get("code").asString())
          .isEqualTo("refund.transition-refused");
    }
    assertThat(ok(staff().get(REFUNDS + "/" + refused)).get("state").asString())
        .isEqualTo("FAILED");
    assertThat(ok(staff().get(REFUNDS + "/" + pending)).get("state").asString())
        .isEqualTo("PENDING");
  }

  @Test
  void theReconciliationShowsTheDaysRefundsNetOfTheMoneyPutBack() {
    // given a refused Alipay refund (its money back on the account) and a pending WeChat Pay one
    String refused = refund(PaymentChannel.ALIPAY);
    channelRefunds.failed(refused, "ACQ.TRADE_HAS_FINISHED 交易已完结");
    refund(PaymentChannel.WECHAT);

    // when
    JsonNode report =
        ok(
            staff()
                .get("/api/staff/reconciliation?day=" + LocalDate.now(ZoneId.of("Asia/Shanghai"))));

    // then each channel's refunds, less what was put back, are what the ledger took off
    List<String> refundDifferences = new ArrayList<>();
    report
        .get("differences")
        .forEach(
            d -> {
              String kind = d.get("kind").asString();
              if (kind.equals("REFUND_LEDGER_DIFFERS")
                  || kind.equals("LEDGER_REFUND_WITHOUT_REFUND")) {
                refundDifferences.add(d.get("outRefundNo") + " " + d.get("detail").asString());
              }
            });
    assertThat(refundDifferences).isEmpty();
    JsonNode alipay = report.get("channels").get(1);
    assertThat(alipay.get("channel").asString()).isEqualTo("ALIPAY");
    assertThat(alipay.get("refunds").asLong()).isPositive();
    assertThat(alipay.get("reversedSum").decimalValue())
        .isGreaterThanOrEqualTo(new BigDecimal("15.00"));
    report
        .get("channels")
        .forEach(
            line ->
                assertThat(line.get("ledgerRefundSum").decimalValue())
                    .as(line.toString())
                    .isEqualByComparingTo(
                        line.get("refundSum")
                            .decimalValue()
                            .subtract(line.get("reversedSum").decimalValue())));
    assertThat(report.get("channels").get(0).get("refundSum").decimalValue())
        .isGreaterThanOrEqualTo(new BigDecimal("15.00"));
  }
}
