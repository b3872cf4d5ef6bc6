package io.gridbot.channel.alipay;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /alipay/autodebit/sign/{requestId}}: sends the phone to Alipay's auto-debit signing
 * page of a pending agreement (the dialog's signing link points here); 404 once it is signed,
 * cancelled or unknown.
 */
@RestController
class AutoDebitController {

  private final AlipayAutoDebit autoDebit;

  AutoDebitController(AlipayAutoDebit autoDebit) {
    this.autoDebit = autoDebit;
  }

  @GetMapping("/alipay/autodebit/sign/{requestId}")
  ResponseEntity<String> sign(@PathVariable String requestId) {
    return autoDebit
        .signUrl(requestId)
        .<ResponseEntity<String>>map(
            url ->
                ResponseEntity.status(HttpStatus.FOUND)
                    .location(URI.create(url))
                    .header("Cache-Control", "no-store")
                    .build())
        .orElseGet(
            () ->
                ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                    .body(
                        "<!doctype html><meta charset=\"utf-8\"><title>自动缴费签约</title>"
                            + "<p>这个签约链接已失效（已签约、已取消或不存在），请回到对话重新办理。</p>"));
  }
}
