package io.gridbot.app.alipay;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.alipay.api.internal.util.AlipaySignature;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alipay as the tests see it: a key pair standing in for Alipay's (the app has its own), WireMock
 * playing the OpenAPI gateway with responses signed by that key, and messages and notifications
 * signed with it as Alipay would.
 */
final class FakeAlipay {

  static final String APP_ID = "2021000000000001";
  static final String SELLER_ID = "2088000000000001";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  final Keys app = Keys.generate();
  final Keys alipay = Keys.generate();
  final WireMockServer gateway = new WireMockServer(WireMockConfiguration.options().dynamicPort());

  FakeAlipay() {
    gateway.start();
  }

  String gatewayUrl() {
    return gateway.baseUrl() + "/gateway.do";
  }

  /** Alipay answers {@code method} with {@code responseJson}, signed with its key. */
  void answers(String method, String responseJson) {
    answers(method, null, responseJson);
  }

  /** As {@link #answers(String, String)}, for requests whose body contains {@code bodyPart}. */
  void answers(String method, String bodyPart, String responseJson) {
    var request = post(urlPathEqualTo("/gateway.do")).withQueryParam("method", equalTo(method));
    if (bodyPart != null) {
      request = request.withRequestBody(containing(bodyPart));
    }
    gateway.stubFor(
        request.willReturn(
            aResponse()
                .withHeader("Content-Type", "application/json;charset=utf-8")
                .withBody(signedResponse(method, responseJson))));
  }

  String signedResponse(String method, String responseJson) {
    String node = method.replace('.', '_') + "_response";
    String sign = sign(responseJson, StandardCharsets.UTF_8);
    return "{\"" + node + "\":" + responseJson + ",\"sign\":\"" + sign + "\"}";
  }

  /** The biz_content of every custom-send Alipay received, oldest first. */
  List<JsonNode> customSends() {
    List<JsonNode> sent = new ArrayList<>();
    for (var request :
        gateway.findAll(
            postRequestedFor(urlPathEqualTo("/gateway.do"))
                .withQueryParam("method", equalTo("alipay.open.public.message.custom.send")))) {
      String biz = form(request.getBodyAsString(), StandardCharsets.UTF_8).get("biz_content");
      sent.add(JSON.readTree(biz));
    }
    return sent;
  }

  /** The texts (and article titles/descriptions and URLs) sent to {@code userId}. */
  List<String> textsTo(String userId) {
    List<String> texts = new ArrayList<>();
    for (JsonNode m : customSends()) {
      if (!userId.equals(m.path("to_user_id").asString())) {
        continue;
      }
      if (m.has("text")) {
        texts.add(m.path("text").path("content").asString());
      } else {
        for (JsonNode a : m.path("articles")) {
          texts.add(
              a.path("title").asString()
                  + "|"
                  + a.path("desc").asString()
                  + "|"
                  + a.path("url").asString());
        }
      }
    }
    return texts;
  }

  /** A service window post signed by Alipay: the form body, in {@code charset}. */
  String gatewayForm(String service, String bizContent, Charset charset) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("service", service);
    params.put("charset", charset.name());
    params.put("sign_type", "RSA2");
    params.put("biz_content", bizContent);
    params.put("sign", signV2(params, charset));
    return encode(params, charset);
  }

  String signV2(Map<String, String> params, Charset charset) {
    return sign(AlipaySignature.getSignCheckContentV2(params), charset);
  }

  /** A payment notification signed with {@code key} (Alipay's, unless forging). */
  String notification(Map<String, String> fields, String privateKey) {
    Map<String, String> params = new LinkedHashMap<>(fields);
    params.put("charset", "utf-8");
    try {
      params.put(
          "sign",
          AlipaySignature.rsa256Sign(
              AlipaySignature.getSignCheckContentV1(params), privateKey, "utf-8"));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    params.put("sign_type", "RSA2");
    return encode(params, StandardCharsets.UTF_8);
  }

  String sign(String content, Charset charset) {
    try {
      return AlipaySignature.rsa256Sign(content, alipay.privateKey(), charset.name());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String message(String fromUserId, String msgType, String inner, String msgId) {
    return "<XML><AppId><![CDATA["
        + APP_ID
        + "]]></AppId><FromUserId><![CDATA["
        + fromUserId
        + "]]></FromUserId><CreateTime>"
        + System.currentTimeMillis()
        + "</CreateTime><MsgType><![CDATA["
        + msgType
        + "]]></MsgType>"
        + inner
        + (msgId == null ? "" : "<MsgId>" + msgId + "</MsgId>")
        + "</XML>";
  }

  static String encode(Map<String, String> params, Charset charset) {
    StringBuilder body = new StringBuilder();
    params.forEach(
        (k, v) ->
            body.append(body.isEmpty() ? "" : "&")
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, charset)));
    return body.toString();
  }

  static Map<String, String> form(String body, Charset charset) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        fields.put(
            URLDecoder.decode(pair.substring(0, eq), charset),
            URLDecoder.decode(pair.substring(eq + 1), charset));
      }
    }
    return fields;
  }

  record Keys(String privateKey, String publicKey) {
    static Keys generate() {
      try {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        return new Keys(
            Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()),
            Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
