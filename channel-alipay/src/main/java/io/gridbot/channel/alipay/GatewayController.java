package io.gridbot.channel.alipay;

import com.alipay.api.AlipayApiException;
import com.alipay.api.internal.util.AlipaySignature;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The service window gateway, {@code POST /alipay/gateway}: every message's signature is checked
 * ({@code rsaCheckV2}) before anything else; the verification handshake is answered with the
 * application's public key, messages are acknowledged at once and handled asynchronously by {@link
 * GatewayMessages}. Answers are signed XML in the message's charset.
 */
@RestController
class GatewayController {

  static final String CHECK = "alipay.service.check";
  static final String NOTIFY = "alipay.mobile.public.message.notify";
  private static final Logger log = LoggerFactory.getLogger(GatewayController.class);

  private final AlipaySettings settings;
  private final AlipayKeys keys;
  private final GatewayMessages messages;

  GatewayController(AlipaySettings settings, AlipayKeys keys, GatewayMessages messages) {
    this.settings = settings;
    this.keys = keys;
    this.messages = messages;
  }

  @PostMapping("/alipay/gateway")
  ResponseEntity<byte[]> gateway(HttpServletRequest request) throws IOException {
    Map<String, String> params = RequestBodies.form(request);
    Charset charset = charsetOf(params);
    String service = params.get("service");
    if (!verified(params)) {
      log.warn("alipay gateway: refused a message ({}) with a bad or missing signature", service);
      return ResponseEntity.status(HttpStatus.FORBIDDEN)
          .contentType(MediaType.TEXT_PLAIN)
          .body("invalid signature".getBytes(StandardCharsets.UTF_8));
    }
    Map<String, String> biz = SafeXml.fields(params.get("biz_content"));
    if (!settings.appId().equals(biz.get("AppId"))) {
      throw new InvalidAlipayRequest("the message is for another app");
    }
    if (CHECK.equals(service)) {
      if (!"verifygw".equals(biz.get("EventType"))) {
        throw new InvalidAlipayRequest("unknown check event " + biz.get("EventType"));
      }
      log.info("alipay gateway: verification handshake answered");
      return signed(
          "<success>true</success><biz_content>" + keys.appPublicKey() + "</biz_content>", charset);
    }
    if (NOTIFY.equals(service)) {
      GatewayMessage message = GatewayMessage.of(biz);
      messages.accept(message);
      return signed(ack(message), charset);
    }
    throw new InvalidAlipayRequest("unknown service " + service);
  }

  private boolean verified(Map<String, String> params) {
    return params.get("biz_content") != null
        && AlipaySignatures.gatewayMessage(params, settings.alipayPublicKey());
  }

  private String ack(GatewayMessage message) {
    return "<XML><ToUserId><![CDATA["
        + message.fromUserId()
        + "]]></ToUserId><AppId><![CDATA["
        + settings.appId()
        + "]]></AppId><CreateTime>"
        + System.currentTimeMillis()
        + "</CreateTime><MsgType><![CDATA[ack]]></MsgType></XML>";
  }

  /**
   * The signed answer Alipay expects: {@code <alipay><response>content</response><sign>…</sign>
   * <sign_type>RSA2</sign_type></alipay>}, the sign over {@code content} with the app's key.
   */
  private ResponseEntity<byte[]> signed(String content, Charset charset) {
    String sign;
    try {
      sign = AlipaySignature.rsaSign(content, settings.appPrivateKey(), charset.name(), "RSA2");
    } catch (AlipayApiException e) {
      throw new IllegalStateException("cannot sign the gateway answer: " + e.getErrMsg(), e);
    }
    String xml =
        "<?xml version=\"1.0\" encoding=\""
            + charset.name()
            + "\"?><alipay><response>"
            + content
            + "</response><sign>"
            + sign
            + "</sign><sign_type>RSA2</sign_type></alipay>";
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "xml", charset))
        .body(xml.getBytes(charset));
  }

  static Charset charsetOf(Map<String, String> params) {
    String name = params.get("charset");
    if (name == null || name.isBlank()) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(name.strip());
    } catch (RuntimeException e) {
      throw new InvalidAlipayRequest("unknown charset " + name);
    }
  }
}
