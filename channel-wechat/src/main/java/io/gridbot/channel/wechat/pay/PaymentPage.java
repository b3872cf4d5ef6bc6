package io.gridbot.channel.wechat.pay;

import io.gridbot.channel.wechat.WeChatAccounts;
import io.gridbot.service.port.ChannelPayments;
import io.gridbot.service.port.ChannelPayments.ChannelOrder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.common.error.WxErrorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.util.HtmlUtils;

/**
 * The payment page of a WeChat Pay order, opened from the robot's link inside WeChat: without the
 * payer's openid it sends the browser through WeChat's silent web authorisation ({@code
 * snsapi_base}) with a signed state; back with a code it learns the openid, creates the JSAPI
 * prepay order and shows a page that pays through {@code WeixinJSBridge}. Only WeChat orders that
 * can still be paid, by the user who started them, are served.
 */
class PaymentPage {

  private static final Logger log = LoggerFactory.getLogger(PaymentPage.class);
  private static final Duration STATE_TTL = Duration.ofMinutes(10);

  /** Prepay orders are not created for the last minute of an order's life. */
  private static final Duration LAST_MINUTE = Duration.ofMinutes(1);

  private static final Pattern ORDER_NO = Pattern.compile("[0-9A-Za-z_\\-]{6,32}");

  private final WeChatPaySettings settings;
  private final PayHost host;
  private final WeChatAccounts accounts;
  private final ChannelPayments payments;
  private final Clock clock;
  private final String template;

  PaymentPage(
      WeChatPaySettings settings,
      PayHost host,
      WeChatAccounts accounts,
      ChannelPayments payments,
      Clock clock) {
    this.settings = settings;
    this.host = host;
    this.accounts = accounts;
    this.payments = payments;
    this.clock = clock;
    this.template = load("wxpay.html");
  }

  /**
   * What to answer for {@code GET /wx/pay/{outTradeNo}}, with the OAuth2 {@code code} and {@code
   * state} WeChat adds when it sends the browser back (both null on the first visit).
   */
  Page open(String outTradeNo, String code, String state) {
    if (outTradeNo == null || !ORDER_NO.matcher(outTradeNo).matches()) {
      return message(404, "订单不存在", "没有找到这笔交费订单，请回到对话中重新发起交费。");
    }
    Optional<ChannelOrder> found = payments.order(outTradeNo);
    if (found.isEmpty() || !"wechat".equals(found.get().channel())) {
      return message(404, "订单不存在", "没有找到这笔微信交费订单，请回到对话中重新发起交费。");
    }
    ChannelOrder order = found.get();
    if (!order.payable()) {
      return "PAID".equals(order.state()) || "REFUNDED".equals(order.state())
          ? message(409, "这笔订单已经支付过了", "无需重复支付。")
          : message(409, "订单已关闭", "这笔订单已经关闭，请回到对话中重新发起交费。");
    }
    Instant expireAt = order.createdAt().plus(settings.expireAfter());
    if (!clock.instant().plus(LAST_MINUTE).isBefore(expireAt)) {
      return message(409, "订单已过期", "这笔订单已超过支付时间，请回到对话中重新发起交费。");
    }
    if (code == null || code.isBlank()) {
      return Page.redirect(authorizeUrl(outTradeNo));
    }
    if (!validState(outTradeNo, state)) {
      log.warn("WeChat Pay page for order {}: bad or expired OAuth2 state", outTradeNo);
      return message(400, "链接已失效", "请回到对话中重新点击交费链接。");
    }
    String openId;
    try {
      openId =
          accounts.service(settings.appId()).getOAuth2Service().getAccessToken(code).getOpenId();
    } catch (WxErrorException | RuntimeException e) {
      log.warn(
          "WeChat Pay page for order {}: OAuth2 code exchange failed: {}",
          outTradeNo,
          e.toString());
      return message(502, "微信授权失败", "请回到对话中重新点击交费链接。");
    }
    if (openId == null || openId.isBlank()) {
      return message(502, "微信授权失败", "请回到对话中重新点击交费链接。");
    }
    if ("wechat".equals(order.payerChannel())
        && order.payerId() != null
        && !order.payerId().equals(settings.appId() + ":" + openId)) {
      log.warn("WeChat Pay page for order {}: opened by another WeChat user", outTradeNo);
      return message(403, "无法支付", "这笔订单不是由您发起的，请在自己的对话中发起交费。");
    }
    PayHost.JsapiParams params;
    try {
      params = host.prepay(outTradeNo, order.amountFen(), openId, expireAt);
    } catch (PayHost.PayHostFailed e) {
      log.warn("WeChat Pay page for order {}: {}", outTradeNo, e.getMessage());
      return message(502, "暂时无法发起支付", "微信支付暂时不可用，请稍后再打开此页面。");
    }
    log.info("WeChat Pay prepay for order {} ready", outTradeNo);
    return Page.html(200, fill("电费交费", "请核对户号和金额后点击下方按钮支付。", order, json(params)));
  }

  private String authorizeUrl(String outTradeNo) {
    String back = settings.pageBaseUrl() + "/wx/pay/" + outTradeNo;
    return accounts
        .service(settings.appId())
        .getOAuth2Service()
        .buildAuthorizationUrl(back, WxConsts.OAuth2Scope.SNSAPI_BASE, state(outTradeNo));
  }

  /** {@code expiry.signature}: only this server can make it, for this order, for ten minutes. */
  String state(String outTradeNo) {
    long expiry = clock.instant().plus(STATE_TTL).getEpochSecond();
    return expiry + "." + sign(outTradeNo, expiry);
  }

  private boolean validState(String outTradeNo, String state) {
    if (state == null) {
      return false;
    }
    int dot = state.indexOf('.');
    if (dot < 1) {
      return false;
    }
    long expiry;
    try {
      expiry = Long.parseLong(state.substring(0, dot));
    } catch (NumberFormatException e) {
      return false;
    }
    if (clock.instant().getEpochSecond() > expiry) {
      return false;
    }
    byte[] expected = sign(outTradeNo, expiry).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(
        expected, state.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
  }

  private String sign(String outTradeNo, long expiry) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(
          new SecretKeySpec(
              ("wxpay-oauth-state:" + settings.apiV3Key()).getBytes(StandardCharsets.UTF_8),
              "HmacSHA256"));
      byte[] sig = mac.doFinal((outTradeNo + ":" + expiry).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  private Page message(int status, String title, String text) {
    return Page.html(status, fill(title, text, null, "null"));
  }

  private String fill(String title, String text, ChannelOrder order, String params) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("title", HtmlUtils.htmlEscape(title));
    values.put("message", HtmlUtils.htmlEscape(text));
    values.put("orderHidden", order == null ? "hidden" : "");
    values.put("payHidden", order == null ? "hidden" : "");
    values.put(
        "account", order == null ? "" : HtmlUtils.htmlEscape(nullToEmpty(order.accountMasked())));
    values.put("no", order == null ? "" : HtmlUtils.htmlEscape(order.outTradeNo()));
    values.put("amount", order == null ? "" : order.amount().setScale(2).toPlainString());
    values.put("params", params);
    String html = template;
    for (Map.Entry<String, String> e : values.entrySet()) {
      html = html.replace("{{" + e.getKey() + "}}", e.getValue());
    }
    return html;
  }

  /** The parameters as a JavaScript object literal, safe inside a script element. */
  static String json(PayHost.JsapiParams p) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("appId", p.appId());
    fields.put("timeStamp", p.timeStamp());
    fields.put("nonceStr", p.nonceStr());
    fields.put("package", p.packageValue());
    fields.put("signType", p.signType());
    fields.put("paySign", p.paySign());
    StringBuilder out = new StringBuilder("{");
    for (Map.Entry<String, String> e : fields.entrySet()) {
      if (out.length() > 1) {
        out.append(',');
      }
      out.append('"').append(e.getKey()).append("\":\"").append(jsString(e.getValue())).append('"');
    }
    return out.append('}').toString();
  }

  private static String jsString(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : nullToEmpty(s).toCharArray()) {
      if (c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' || c < 0x20 || c > 0x7e) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  private static String load(String name) {
    try (InputStream in = PaymentPage.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An answer: a redirect ({@code location}) or an HTML page. */
  record Page(int status, String location, String html) {
    static Page redirect(String location) {
      return new Page(302, location, null);
    }

    static Page html(int status, String html) {
      return new Page(status, null, html);
    }
  }
}
