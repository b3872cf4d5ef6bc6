package io.gridbot.app.pay;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.app.CleanDatabase;
import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.AccountService;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.payment.PaymentChannel;
import io.gridbot.service.payment.PaymentOrder;
import io.gridbot.service.payment.PaymentService;
import io.gridbot.service.payment.PaymentState;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * WeChat Pay end to end on the real database: an order created through service-core, WeChat Pay's
 * signed and encrypted notification delivered three times over HTTP, the balance credited once.
 * Keys are generated here; the platform key pair stands in for WeChat Pay's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@Import(CleanDatabase.class)
class WeChatPayNotifyIT {

  private static final String APP_ID = "wxd678efh567hg6787";
  private static final String OPENID = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o";
  private static final WeChatPayStandIn PAY = new WeChatPayStandIn(APP_ID);

  @LocalServerPort int port;
  @Autowired PaymentService payments;
  @Autowired AccountService accounts;

  @DynamicPropertySource
  static void weChatPay(DynamicPropertyRegistry registry) {
    registry.add("gridbot.wechat.accounts[0].app-id", () -> APP_ID);
    registry.add("gridbot.wechat.accounts[0].secret", () -> "test-secret");
    registry.add("gridbot.wechat.accounts[0].token", () -> "test-token");
    // nothing may leave for the real pay host from this test
    PAY.register(registry, "http://127.0.0.1:9");
  }

  @Test
  void aNotificationDeliveredThreeTimesCreditsTheBalanceOnce() throws Exception {
    AccountNo account = new AccountNo("3300000001");
    BigDecimal before = accounts.find(account).orElseThrow().balance();
    PaymentOrder order =
        payments.createOrder(
            account,
            new BigDecimal("86.40"),
            PaymentChannel.WECHAT,
            new ChannelUser("wechat", APP_ID + ":" + OPENID));
    String no = order.outTradeNo().value();
    String body = PAY.notification(no, "4200000001202611270000000001", 8640, OPENID);

    for (int i = 0; i < 3; i++) {
      assertThat(PAY.deliver(port, body, PAY.platform).statusCode()).isEqualTo(204);
    }

    assertThat(payments.find(order.outTradeNo()).orElseThrow().state())
        .isEqualTo(PaymentState.PAID);
    assertThat(accounts.find(account).orElseThrow().balance())
        .isEqualByComparingTo(before.add(new BigDecimal("86.40")));
  }

  @Test
  void aForgedNotificationChangesNothing() throws Exception {
    AccountNo account = new AccountNo("3300000001");
    BigDecimal before = accounts.find(account).orElseThrow().balance();
    PaymentOrder order =
        payments.createOrder(account, new BigDecimal("20.00"), PaymentChannel.WECHAT, null);
    String body =
        PAY.notification(order.outTradeNo().value(), "4200000001202611270000000002", 2000, OPENID);

    HttpResponse<String> answer = PAY.deliver(port, body, WeChatPayStandIn.rsa());

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.body()).contains("\"code\":\"FAIL\"");
    assertThat(payments.find(order.outTradeNo()).orElseThrow().state())
        .isEqualTo(PaymentState.CREATED);
    assertThat(accounts.find(account).orElseThrow().balance()).isEqualByComparingTo(before);
  }
}
