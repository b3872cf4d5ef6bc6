package io.gridbot.channel.wechat.pay;

import io.gridbot.channel.wechat.CappedBody;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /wx/pay/notify}: WeChat Pay's payment notifications. 204 once the payment is
 * confirmed in the ledger; otherwise a 4xx/5xx with {@code {"code":"FAIL","message":...}}, so that
 * WeChat Pay delivers it again and nothing is lost. {@code POST /wx/pay/refund-notify}: its refund
 * notifications, the same way: 204 once the refund's end is recorded.
 */
@RestController
@ConditionalOnProperty(prefix = "gridbot.wechat.pay", name = "enabled", havingValue = "true")
class PayNotifyController {

  private static final Logger log = LoggerFactory.getLogger(PayNotifyController.class);

  private final PayNotifications notifications;
  private final PayRefundNotifications refundNotifications;
  private final int maxBodyBytes;

  PayNotifyController(
      PayNotifications notifications,
      PayRefundNotifications refundNotifications,
      WeChatPaySettings settings) {
    this.notifications = notifications;
    this.refundNotifications = refundNotifications;
    this.maxBodyBytes = settings.maxBodyBytes();
  }

  @PostMapping("/wx/pay/notify")
  ResponseEntity<String> notify(HttpServletRequest request) {
    return handle(request, "notify", "the payment", notifications::accept);
  }

  @PostMapping("/wx/pay/refund-notify")
  ResponseEntity<String> refundNotify(HttpServletRequest request) {
    return handle(request, "refund notify", "the refund", refundNotifications::accept);
  }

  /** Reads the body, passes it and WeChat Pay's headers on, and answers as WeChat Pay expects. */
  private ResponseEntity<String> handle(
      HttpServletRequest request, String what, String recorded, Receiver receiver) {
    try {
      receiver.accept(
          readBody(request),
          request.getHeader("Wechatpay-Timestamp"),
          request.getHeader("Wechatpay-Nonce"),
          request.getHeader("Wechatpay-Signature"),
          request.getHeader("Wechatpay-Serial"));
      return ResponseEntity.noContent().build();
    } catch (NotifyRefused e) {
      log.warn("WeChat Pay {} refused ({}): {}", what, e.status(), e.getMessage());
      return fail(e.status(), e.getMessage());
    } catch (IOException e) {
      log.warn("WeChat Pay {} body unreadable: {}", what, e.toString());
      return fail(400, "body unreadable");
    } catch (RuntimeException e) {
      log.error("WeChat Pay {} failed; WeChat Pay will retry", what, e);
      return fail(500, "temporarily unable to record " + recorded);
    }
  }

  /** What takes a verified notification: the payment's or the refund's. */
  @FunctionalInterface
  private interface Receiver {
    Object accept(String body, String timestamp, String nonce, String signature, String serial);
  }

  private String readBody(HttpServletRequest request) throws IOException {
    byte[] bytes =
        CappedBody.read(request, maxBodyBytes)
            .orElseThrow(() -> new NotifyRefused(413, "body over " + maxBodyBytes + " bytes"));
    if (bytes.length == 0) {
      throw new NotifyRefused(400, "empty body");
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static ResponseEntity<String> fail(int status, String message) {
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_JSON)
        .body("{\"code\":\"FAIL\",\"message\":\"" + message.replace("\"", "'") + "\"}");
  }
}
