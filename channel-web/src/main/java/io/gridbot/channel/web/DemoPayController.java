package io.gridbot.channel.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * The demo payment page the robot's payment links open in the embedded default: shows the order and
 * pays it with one tap. Enabled by {@code gridbot.web.demo-pay.enabled}; production pays through
 * WeChat Pay and Alipay instead.
 */
@Controller
@ConditionalOnProperty(name = "gridbot.web.demo-pay.enabled", havingValue = "true")
class DemoPayController {

  private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

  private final DemoCashier cashier;
  private final String page;

  DemoPayController(DemoCashier cashier) {
    this.cashier = cashier;
    this.page = load("demo-pay.html");
  }

  @GetMapping("/pay/{outTradeNo}")
  ResponseEntity<String> show(@PathVariable String outTradeNo) {
    return render(cashier.find(outTradeNo), false);
  }

  @PostMapping("/pay/{outTradeNo}")
  ResponseEntity<String> pay(@PathVariable String outTradeNo) {
    Optional<DemoCashier.DemoOrder> before = cashier.find(outTradeNo);
    if (before.isEmpty()) {
      return render(before, false);
    }
    return render(before.get().paid() ? before : cashier.pay(outTradeNo), !before.get().paid());
  }

  private ResponseEntity<String> render(Optional<DemoCashier.DemoOrder> order, boolean justPaid) {
    if (order.isEmpty()) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND)
          .contentType(HTML)
          .body(fill(Map.of("state", "missing", "amount", "", "account", "", "no", "")));
    }
    DemoCashier.DemoOrder o = order.get();
    String state = o.paid() ? (justPaid ? "done" : "already") : "open";
    return ResponseEntity.ok()
        .contentType(HTML)
        .body(
            fill(
                Map.of(
                    "state", state,
                    "amount", o.amount().toPlainString(),
                    "account", o.maskedAccount(),
                    "no", o.outTradeNo())));
  }

  /** Replaces {@code {{name}}} by the HTML-escaped value. */
  private String fill(Map<String, String> values) {
    String html = page;
    for (Map.Entry<String, String> e : values.entrySet()) {
      html = html.replace("{{" + e.getKey() + "}}", HtmlUtils.htmlEscape(e.getValue()));
    }
    return html;
  }

  private static String load(String name) {
    try (InputStream in = DemoPayController.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
