package io.gridbot.channel.alipay;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /alipay/pay/{outTradeNo}}: the phone cashier of an order (a form that submits itself
 * to Alipay's {@code alipay.trade.wap.pay}); {@code POST /alipay/notify}: Alipay's payment
 * notifications and its auto-debit sign and unsign notifications ({@code notify_type} {@code
 * dut_user_sign} / {@code dut_user_unsign}), answered exactly {@code success} once recorded.
 */
@RestController
class PaymentController {

  private final AlipayPayments payments;
  private final AlipayAutoDebit autoDebit;

  PaymentController(AlipayPayments payments, AlipayAutoDebit autoDebit) {
    this.payments = payments;
    this.autoDebit = autoDebit;
  }

  @GetMapping("/alipay/pay/{outTradeNo}")
  ResponseEntity<String> pay(@PathVariable String outTradeNo) {
    AlipayPayments.PayPage page = payments.payPage(outTradeNo);
    if (page.html() != null) {
      return ResponseEntity.ok()
          .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
          .header("Cache-Control", "no-store")
          .body(page.html());
    }
    boolean missing = "missing".equals(page.refusal());
    String text = missing ? "没有找到这笔订单。" : "这笔订单已支付或已关闭，请回到对话重新发起缴费。";
    return ResponseEntity.status(missing ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT)
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .body("<!doctype html><meta charset=\"utf-8\"><title>支付</title><p>" + text + "</p>");
  }

  @PostMapping(path = "/alipay/notify", produces = MediaType.TEXT_PLAIN_VALUE)
  String notify(HttpServletRequest request) throws IOException {
    var params = RequestBodies.form(request);
    return AlipayAutoDebit.concerns(params)
        ? autoDebit.notified(params)
        : payments.notified(params);
  }
}
