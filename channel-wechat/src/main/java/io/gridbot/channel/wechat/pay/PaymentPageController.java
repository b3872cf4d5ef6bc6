package io.gridbot.channel.wechat.pay;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code GET /wx/pay/{outTradeNo}}: the WeChat Pay payment page (see {@link PaymentPage}). */
@Controller
@ConditionalOnProperty(prefix = "gridbot.wechat.pay", name = "enabled", havingValue = "true")
class PaymentPageController {

  private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

  private final PaymentPage page;

  PaymentPageController(PaymentPage page) {
    this.page = page;
  }

  @GetMapping("/wx/pay/{outTradeNo}")
  ResponseEntity<String> open(
      @PathVariable String outTradeNo,
      @RequestParam(required = false) String code,
      @RequestParam(required = false) String state) {
    PaymentPage.Page answer = page.open(outTradeNo, code, state);
    if (answer.location() != null) {
      return ResponseEntity.status(302)
          .location(URI.create(answer.location()))
          .cacheControl(CacheControl.noStore())
          .build();
    }
    return ResponseEntity.status(answer.status())
        .contentType(HTML)
        .cacheControl(CacheControl.noStore())
        .body(answer.html());
  }
}
