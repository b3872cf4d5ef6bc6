package io.gridbot.channel.alipay;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alipay.api.internal.util.AlipaySignature;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.gridbot.dialog.store.LockStore;
import io.gridbot.dialog.store.LockTimeout;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.notification.Notice;
import io.gridbot.service.port.ChannelPayments;
import io.gridbot.service.port.ChannelPayments.ChannelOrder;
import io.gridbot.service.port.NotificationSender.Outcome;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI calls against WireMock playing Alipay's gateway, its answers signed with a key pair
 * standing in for Alipay's; the notice sender's outcomes and the reconciliation's decisions.
 */
class AlipayApiIT {

  static final TestKeys APP = TestKeys.generate();
  static final TestKeys ALIPAY = TestKeys.generate();
  static final WireMockServer GATEWAY =
      new WireMockServer(WireMockConfiguration.options().dynamicPort());

  static {
    GATEWAY.start();
  }

  AlipaySettings settings = AlipayFixture.settings(APP, ALIPAY, GATEWAY.baseUrl());
  AlipayApi api = new AlipayApi(settings);

  @AfterAll
  static void stop() {
    GATEWAY.stop();
  }

  @BeforeEach
  void reset() {
    GATEWAY.resetAll();
  }

  static void answer(String method, String json, String signedWith) throws Exception {
    String node = method.replace('.', '_') + "_response";
    String sign = AlipaySignature.rsa256Sign(json, signedWith, "UTF-8");
    GATEWAY.stubFor(
        post(urlPathEqualTo("/gateway.do"))
            .withQueryParam("method", equalTo(method))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json;charset=utf-8")
                    .withBody("{\"" + node + "\":" + json + ",\"sign\":\"" + sign + "\"}")));
  }

  @Test
  void aSignedTradeQueryIsRead() throws Exception {
    answer(
        "alipay.trade.query",
        "{\"code\":\"10000\",\"msg\":\"Success\",\"out_trade_no\":\"P1\",\"trade_no\":\"T1\","
            + "\"trade_status\":\"TRADE_SUCCESS\",\"total_amount\":\"88.80\","
            + "\"send_pay_date\":\"2026-11-27 10:00:03\"}",
        ALIPAY.privateKey());

    AlipayApi.Trade trade = api.query("P1").orElseThrow();

    assertThat(trade.paid()).isTrue();
    assertThat(trade.totalAmount()).isEqualByComparingTo("88.80");
    assertThat(trade.tradeNo()).isEqualTo("T1");
    String body =
        GATEWAY.findAll(postRequestedFor(urlPathEqualTo("/gateway.do"))).get(0).getBodyAsString();
    assertThat(URLDecoder.decode(body, StandardCharsets.UTF_8)).contains("\"out_trade_no\":\"P1\"");
  }

  @Test
  void anAnswerNotSignedByAlipayIsRefused() throws Exception {
    answer(
        "alipay.trade.query",
        "{\"code\":\"10000\",\"msg\":\"Success\",\"trade_status\":\"TRADE_SUCCESS\","
            + "\"total_amount\":\"88.80\",\"trade_no\":\"T1\"}",
        APP.privateKey());

    assertThatThrownBy(() -> api.query("P1")).isInstanceOf(AlipayCallFailed.class);
  }

  @Test
  void aTradeAlipayNeverHadIsEmptyAndClosingItIsFine() throws Exception {
    String notExist =
        "{\"code\":\"40004\",\"msg\":\"Business Failed\",\"sub_code\":\"ACQ.TRADE_NOT_EXIST\","
            + "\"sub_msg\":\"交易不存在\"}";
    answer("alipay.trade.query", notExist, ALIPAY.privateKey());
    answer("alipay.trade.close", notExist, ALIPAY.privateKey());

    assertThat(api.query("P1")).isEmpty();
    api.close("P1");
  }

  @Test
  void noticeOutcomesFollowAlipaysAnswer() throws Exception {
    AlipayNotificationSender sender = new AlipayNotificationSender(api);
    ChannelUser user = new ChannelUser("alipay", "2088000000000042");
    Notice notice = new Notice("payment", "payment:P1", "缴费成功", "您已缴费100.00元", false, null);
    String method = "alipay.open.public.message.custom.send";

    answer(method, "{\"code\":\"10000\",\"msg\":\"Success\"}", ALIPAY.privateKey());
    assertThat(sender.send(user, notice).outcome()).isEqualTo(Outcome.SENT);
    String biz =
        URLDecoder.decode(
            GATEWAY
                .findAll(postRequestedFor(urlPathEqualTo("/gateway.do")))
                .get(0)
                .getBodyAsString(),
            StandardCharsets.UTF_8);
    assertThat(biz).contains("\"to_user_id\":\"2088000000000042\"").contains("缴费成功\\n您已缴费100.00元");

    answer(
        method,
        "{\"code\":\"20000\",\"msg\":\"Service Currently Unavailable\",\"sub_code\":\"isp.unknow-error\"}",
        ALIPAY.privateKey());
    assertThat(sender.send(user, notice).outcome()).isEqualTo(Outcome.RETRY);

    answer(
        method,
        "{\"code\":\"40004\",\"msg\":\"Business Failed\",\"sub_code\":\"USER_NOT_FOLLOW\"}",
        ALIPAY.privateKey());
    assertThat(sender.send(user, notice).outcome()).isEqualTo(Outcome.FAILED);

    GATEWAY.stop();
    try {
      assertThat(sender.send(user, notice).outcome()).isEqualTo(Outcome.RETRY);
    } finally {
      GATEWAY.start();
    }
  }

  @Test
  void reconciliationSettlesPaidClosesExpiredAndSkipsWhenLocked() throws Exception {
    Instant now = Instant.parse("2026-11-27T02:00:00Z");
    FakePayments payments = new FakePayments();
    payments.orders.add(order("PAID1", now.minus(Duration.ofMinutes(10))));
    payments.orders.add(order("OLD1", now.minus(Duration.ofHours(1))));
    payments.orders.add(order("NEW1", now.minus(Duration.ofMinutes(10))));
    GATEWAY.stubFor(
        post(urlPathEqualTo("/gateway.do"))
            .withQueryParam("method", equalTo("alipay.trade.query"))
            .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("PAID1"))
            .willReturn(
                aResponse()
                    .withBody(
                        signed(
                            "alipay.trade.query",
                            "{\"code\":\"10000\",\"msg\":\"Success\",\"trade_no\":\"T9\","
                                + "\"trade_status\":\"TRADE_SUCCESS\",\"total_amount\":\"10.00\"}"))));
    String waiting =
        "{\"code\":\"10000\",\"msg\":\"Success\",\"trade_no\":\"T8\","
            + "\"trade_status\":\"WAIT_BUYER_PAY\",\"total_amount\":\"10.00\"}";
    for (String no : List.of("OLD1", "NEW1")) {
      GATEWAY.stubFor(
          post(urlPathEqualTo("/gateway.do"))
              .withQueryParam("method", equalTo("alipay.trade.query"))
              .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(no))
              .willReturn(aResponse().withBody(signed("alipay.trade.query", waiting))));
    }
    answer("alipay.trade.close", "{\"code\":\"10000\",\"msg\":\"Success\"}", ALIPAY.privateKey());
    Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    AlipayPayments confirmations = new AlipayPayments(settings, payments, api, clock);
    FakeLocks locks = new FakeLocks();

    var result =
        new AlipayReconciliation(settings, payments, api, confirmations, locks, clock).run();

    assertThat(result).contains(new AlipayReconciliation.Result(1, 1, 0));
    assertThat(payments.confirmed).containsExactly("PAID1:10.00:T9");
    assertThat(payments.closed).containsExactly("OLD1");
    assertThat(
            GATEWAY.findAll(
                postRequestedFor(urlPathEqualTo("/gateway.do"))
                    .withQueryParam("method", equalTo("alipay.trade.close"))))
        .hasSize(1);

    locks.held = true;
    assertThat(new AlipayReconciliation(settings, payments, api, confirmations, locks, clock).run())
        .isEmpty();
  }

  static String signed(String method, String json) throws Exception {
    return "{\""
        + method.replace('.', '_')
        + "_response\":"
        + json
        + ",\"sign\":\""
        + AlipaySignature.rsa256Sign(json, ALIPAY.privateKey(), "UTF-8")
        + "\"}";
  }

  static ChannelOrder order(String no, Instant createdAt) {
    return new ChannelOrder(
        no, "3300****01", new BigDecimal("10.00"), "alipay", "CREATED", "alipay", "u", createdAt);
  }

  static final class FakePayments implements ChannelPayments {
    final List<ChannelOrder> orders = new ArrayList<>();
    final List<String> confirmed = new ArrayList<>();
    final List<String> closed = new ArrayList<>();

    @Override
    public Optional<ChannelOrder> order(String outTradeNo) {
      return orders.stream().filter(o -> o.outTradeNo().equals(outTradeNo)).findFirst();
    }

    @Override
    public ChannelOrder confirm(String no, BigDecimal paid, String txn, Instant paidAt) {
      confirmed.add(no + ":" + paid.toPlainString() + ":" + txn);
      return order(no).orElseThrow();
    }

    @Override
    public ChannelOrder close(String no) {
      closed.add(no);
      return order(no).orElseThrow();
    }

    @Override
    public List<ChannelOrder> unpaid(String channel, Instant createdBefore, int limit) {
      return orders.stream().filter(o -> o.createdAt().isBefore(createdBefore)).toList();
    }
  }

  static final class FakeLocks implements LockStore {
    boolean held;

    @Override
    public Lease acquire(String key, Duration lease, Duration waitTimeout) {
      if (held) {
        throw new LockTimeout(key, waitTimeout);
      }
      return new Lease() {
        @Override
        public String key() {
          return key;
        }

        @Override
        public boolean release() {
          return true;
        }
      };
    }
  }
}
