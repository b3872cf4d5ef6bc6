package io.gridbot.channel.wechat.pay;

import com.github.binarywang.wxpay.bean.notify.SignatureHeader;
import com.github.binarywang.wxpay.bean.notify.WxPayNotifyV3Result;
import com.github.binarywang.wxpay.bean.notify.WxPayRefundNotifyV3Result;
import com.github.binarywang.wxpay.bean.request.WxPayRefundV3Request;
import com.github.binarywang.wxpay.bean.request.WxPayUnifiedOrderV3Request;
import com.github.binarywang.wxpay.bean.result.WxPayOrderQueryV3Result;
import com.github.binarywang.wxpay.bean.result.WxPayRefundQueryV3Result;
import com.github.binarywang.wxpay.bean.result.WxPayRefundV3Result;
import com.github.binarywang.wxpay.bean.result.WxPayUnifiedOrderV3Result;
import com.github.binarywang.wxpay.bean.result.enums.TradeTypeEnum;
import com.github.binarywang.wxpay.config.WxPayConfig;
import com.github.binarywang.wxpay.exception.WxPayException;
import com.github.binarywang.wxpay.service.WxPayService;
import com.github.binarywang.wxpay.service.impl.WxPayServiceImpl;
import com.github.binarywang.wxpay.v3.WxPayV3HttpClientBuilder;
import com.github.binarywang.wxpay.v3.auth.PublicCertificateVerifier;
import com.github.binarywang.wxpay.v3.auth.Verifier;
import com.github.binarywang.wxpay.v3.auth.WxPayValidator;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.apache.http.HttpHost;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.impl.client.HttpClientBuilder;

/**
 * WeChat Pay's API v3 through WxJava: JSAPI prepay orders, order queries and closes, refunds and
 * refund queries, verified and decrypted payment and refund notifications. Every response is
 * checked against the platform public key (WxJava's validator); no platform certificate is
 * downloaded. WxJava types stay in this class.
 */
class PayHost {

  static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

  private final WeChatPaySettings settings;
  private final WxPayService service;

  PayHost(WeChatPaySettings settings) {
    this.settings = settings;
    WxPayConfig config = new WxPayConfig();
    config.setMchId(settings.mchId());
    config.setAppId(settings.appId());
    config.setApiV3Key(settings.apiV3Key());
    config.setCertSerialNo(settings.merchantSerialNo());
    config.setPublicKeyId(settings.platformPublicKeyId());
    config.setNotifyUrl(settings.notifyUrl());
    config.setApiHostUrl(settings.payBaseUrl());
    config.setFullPublicKeyModel(true);
    config.setHttpConnectionTimeout((int) settings.connectTimeout().toMillis());
    config.setHttpTimeout((int) settings.readTimeout().toMillis());
    // built here rather than by WxPayConfig.initApiV3HttpClient, which reads keys from files
    Verifier verifier =
        new PublicCertificateVerifier(settings.platformKey(), settings.platformPublicKeyId());
    config.setPrivateKey(settings.privateKey());
    config.setVerifier(verifier);
    HttpClientBuilder http =
        WxPayV3HttpClientBuilder.create()
            .withMerchant(settings.mchId(), settings.merchantSerialNo(), settings.privateKey())
            .withValidator(new WxPayValidator(verifier));
    if (settings.httpProxy() != null) {
      http.setProxy(HttpHost.create(settings.httpProxy()));
    }
    config.setApiV3HttpClient(
        http.setDefaultRequestConfig(
                RequestConfig.custom()
                    .setConnectTimeout((int) settings.connectTimeout().toMillis())
                    .setConnectionRequestTimeout((int) settings.connectTimeout().toMillis())
                    .setSocketTimeout((int) settings.readTimeout().toMillis())
                    .build())
            .build());
    service = new WxPayServiceImpl();
    service.setConfig(config);
  }

  /**
   * Creates (or, unchanged, finds again) the JSAPI prepay order and signs the parameters of the
   * page's {@code getBrandWCPayRequest}.
   *
   * @throws PayHostFailed when WeChat Pay refuses or cannot be reached
   */
  JsapiParams prepay(String outTradeNo, long amountFen, String openId, Instant expireAt) {
    WxPayUnifiedOrderV3Request request =
        new WxPayUnifiedOrderV3Request()
            .setAppid(settings.appId())
            .setMchid(settings.mchId())
            .setDescription(settings.description())
            .setOutTradeNo(outTradeNo)
            .setNotifyUrl(settings.notifyUrl())
            .setTimeExpire(rfc3339(expireAt))
            .setAmount(
                new WxPayUnifiedOrderV3Request.Amount()
                    .setTotal(Math.toIntExact(amountFen))
                    .setCurrency("CNY"))
            .setPayer(new WxPayUnifiedOrderV3Request.Payer().setOpenid(openId));
    try {
      WxPayUnifiedOrderV3Result.JsapiResult js =
          service.createOrderV3(TradeTypeEnum.JSAPI, request);
      return new JsapiParams(
          js.getAppId(),
          js.getTimeStamp(),
          js.getNonceStr(),
          js.getPackageValue(),
          js.getSignType(),
          js.getPaySign());
    } catch (WxPayException | RuntimeException e) {
      throw PayHostFailed.of("prepay " + outTradeNo, e);
    }
  }

  /**
   * The order as WeChat Pay knows it.
   *
   * @throws PayHostFailed when WeChat Pay refuses or cannot be reached; {@link
   *     PayHostFailed#orderNotFound()} when it has no such order
   */
  Trade query(String outTradeNo) {
    try {
      WxPayOrderQueryV3Result r = service.queryOrderV3(null, outTradeNo);
      Integer total = r.getAmount() == null ? null : r.getAmount().getTotal();
      Integer payerTotal = r.getAmount() == null ? null : r.getAmount().getPayerTotal();
      return new Trade(
          r.getAppid(),
          r.getMchid(),
          r.getOutTradeNo(),
          r.getTransactionId(),
          r.getTradeState(),
          total,
          payerTotal,
          paidAt(r.getSuccessTime()));
    } catch (WxPayException | RuntimeException e) {
      throw PayHostFailed.of("query " + outTradeNo, e);
    }
  }

  /**
   * Closes the order at WeChat Pay so that it can no longer be paid.
   *
   * @throws PayHostFailed when WeChat Pay refuses or cannot be reached
   */
  void close(String outTradeNo) {
    try {
      service.closeOrderV3(outTradeNo);
    } catch (WxPayException | RuntimeException e) {
      throw PayHostFailed.of("close " + outTradeNo, e);
    }
  }

  /**
   * Asks WeChat Pay to refund part or all of a paid order ({@code POST
   * /v3/refund/domestic/refunds}). The same {@code outRefundNo} sent again is the same refund at
   * WeChat Pay, never a second one.
   *
   * <p>The refund's {@code notify_url} is {@code refund-notify-url} when configured (otherwise
   * WeChat Pay uses the merchant platform's, if any).
   *
   * @param reason shown to the payer; cut to WeChat Pay's 80 characters
   * @throws PayHostFailed when WeChat Pay refuses or cannot be reached; {@link
   *     PayHostFailed#refusedForGood()} tells a business refusal from a transient error
   */
  RefundStatus refund(
      String outTradeNo, String outRefundNo, long refundFen, long totalFen, String reason) {
    WxPayRefundV3Request.Amount amount = new WxPayRefundV3Request.Amount();
    amount.setRefund(Math.toIntExact(refundFen));
    amount.setTotal(Math.toIntExact(totalFen));
    amount.setCurrency("CNY");
    WxPayRefundV3Request request =
        new WxPayRefundV3Request()
            .setOutTradeNo(outTradeNo)
            .setOutRefundNo(outRefundNo)
            .setReason(reason.length() > 80 ? reason.substring(0, 80) : reason)
            .setAmount(amount);
    if (settings.refundNotifyUrl() != null) {
      request.setNotifyUrl(settings.refundNotifyUrl());
    }
    try {
      WxPayRefundV3Result r = service.refundV3(request);
      return new RefundStatus(
          r.getOutRefundNo(), r.getRefundId(), r.getStatus(), paidAt(r.getSuccessTime()));
    } catch (WxPayException | RuntimeException e) {
      throw PayHostFailed.of("refund " + outRefundNo + " of " + outTradeNo, e);
    }
  }

  /**
   * The refund as WeChat Pay knows it ({@code GET /v3/refund/domestic/refunds/{out_refund_no}}).
   *
   * @throws PayHostFailed when WeChat Pay refuses or cannot be reached; {@link
   *     PayHostFailed#refundNotFound()} when it has no such refund
   */
  RefundStatus queryRefund(String outRefundNo) {
    try {
      WxPayRefundQueryV3Result r = service.refundQueryV3(outRefundNo);
      return new RefundStatus(
          r.getOutRefundNo(), r.getRefundId(), r.getStatus(), paidAt(r.getSuccessTime()));
    } catch (WxPayException | RuntimeException e) {
      throw PayHostFailed.of("query refund " + outRefundNo, e);
    }
  }

  /**
   * Verifies a notification's signature (SHA256withRSA over {@code timestamp\nnonce\nbody\n} with
   * the platform key) and decrypts its resource. The caller has checked that the four headers are
   * present and the timestamp is fresh: WxJava skips the check without headers.
   *
   * @throws NotifyRefused when the signature does not verify or the body cannot be decrypted or
   *     read
   */
  Trade verifyNotify(String body, String timestamp, String nonce, String signature, String serial) {
    WxPayNotifyV3Result notice =
        verified(
            header -> service.parseOrderNotifyV3Result(body, header),
            new SignatureHeader(timestamp, nonce, signature, serial));
    WxPayNotifyV3Result.DecryptNotifyResult r = notice == null ? null : notice.getResult();
    if (r == null || r.getOutTradeNo() == null) {
      throw new NotifyRefused(400, "notification without an order");
    }
    Integer total = r.getAmount() == null ? null : r.getAmount().getTotal();
    Integer payerTotal = r.getAmount() == null ? null : r.getAmount().getPayerTotal();
    return new Trade(
        r.getAppid(),
        r.getMchid(),
        r.getOutTradeNo(),
        r.getTransactionId(),
        r.getTradeState(),
        total,
        payerTotal,
        paidAt(r.getSuccessTime()));
  }

  /**
   * Verifies a refund notification as {@link #verifyNotify} does a payment notification, and
   * decrypts its refund.
   *
   * @throws NotifyRefused when the signature does not verify or the body cannot be decrypted or
   *     read
   */
  RefundNotice verifyRefundNotify(
      String body, String timestamp, String nonce, String signature, String serial) {
    WxPayRefundNotifyV3Result notice =
        verified(
            header -> service.parseRefundNotifyV3Result(body, header),
            new SignatureHeader(timestamp, nonce, signature, serial));
    WxPayRefundNotifyV3Result.DecryptNotifyResult r = notice == null ? null : notice.getResult();
    if (r == null || r.getOutRefundNo() == null || r.getRefundStatus() == null) {
      throw new NotifyRefused(400, "notification without a refund");
    }
    return new RefundNotice(
        r.getMchid(),
        r.getOutTradeNo(),
        new RefundStatus(
            r.getOutRefundNo(), r.getRefundId(), r.getRefundStatus(), paidAt(r.getSuccessTime())));
  }

  /**
   * Has WxJava verify and decrypt a notification, mapping its failures to refusals: WxJava throws
   * without a cause when the signature fails, with one when decryption fails.
   */
  private static <T> T verified(Parse<T> parse, SignatureHeader header) {
    try {
      return parse.apply(header);
    } catch (WxPayException e) {
      if (e.getCause() == null) {
        throw new NotifyRefused(401, "signature does not verify");
      }
      throw new NotifyRefused(400, "resource cannot be decrypted");
    } catch (RuntimeException e) {
      throw new NotifyRefused(400, "malformed notification");
    }
  }

  /** One of WxJava's notification parsers. */
  @FunctionalInterface
  private interface Parse<T> {
    T apply(SignatureHeader header) throws WxPayException;
  }

  static String rfc3339(Instant instant) {
    return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), CHINA)
        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  private static Instant paidAt(String successTime) {
    if (successTime == null || successTime.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(successTime).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The signed parameters of WeixinJSBridge's {@code getBrandWCPayRequest}. */
  record JsapiParams(
      String appId,
      String timeStamp,
      String nonceStr,
      String packageValue,
      String signType,
      String paySign) {}

  /**
   * A WeChat Pay order as the platform reports it.
   *
   * @param tradeState SUCCESS, NOTPAY, CLOSED, USERPAYING, PAYERROR, REFUND, REVOKED
   * @param totalFen the order total in fen, null when not reported
   * @param payerTotalFen what the payer paid in fen (less with coupons), null when not reported
   * @param paidAt when it was paid, null when unpaid or not reported
   */
  record Trade(
      String appId,
      String mchId,
      String outTradeNo,
      String transactionId,
      String tradeState,
      Integer totalFen,
      Integer payerTotalFen,
      Instant paidAt) {

    boolean paid() {
      return "SUCCESS".equals(tradeState);
    }
  }

  /**
   * A refund as WeChat Pay reports it: the answer to a refund request or query, or a refund
   * notification's.
   *
   * @param refundId WeChat Pay's refund id
   * @param status SUCCESS (paid back), PROCESSING, CLOSED or ABNORMAL (ended without paying back)
   * @param successAt when it was paid back, null unless SUCCESS (or not reported)
   */
  record RefundStatus(String outRefundNo, String refundId, String status, Instant successAt) {

    boolean succeeded() {
      return "SUCCESS".equals(status);
    }

    boolean processing() {
      return "PROCESSING".equals(status);
    }

    /** True when WeChat Pay ended the refund without paying it back. */
    boolean endedAbnormally() {
      return "ABNORMAL".equals(status) || "CLOSED".equals(status);
    }
  }

  /** A verified and decrypted refund notification. */
  record RefundNotice(String mchId, String outTradeNo, RefundStatus refund) {}

  /**
   * A call to WeChat Pay that failed; {@link #code()} is WeChat Pay's error code when it gave one.
   */
  static final class PayHostFailed extends RuntimeException {
    private final String code;

    private PayHostFailed(String message, String code, Throwable cause) {
      super(message, cause);
      this.code = code;
    }

    static PayHostFailed of(String what, Exception e) {
      String code = e instanceof WxPayException w ? w.getErrCode() : null;
      String detail = e instanceof WxPayException w ? w.getErrCodeDes() : null;
      return new PayHostFailed(
          what
              + " failed: "
              + (code != null ? code : e.getClass().getSimpleName())
              + (detail != null ? " " + detail : ""),
          code,
          e);
    }

    String code() {
      return code;
    }

    /**
     * True when WeChat Pay refused the request for a business reason that trying again will not
     * change (e.g. {@code NOT_ENOUGH}, {@code INVALID_REQUEST}); false for network trouble,
     * unverifiable answers, {@code SYSTEM_ERROR}, rate limits and unknown codes.
     */
    boolean refusedForGood() {
      return code != null && REFUSALS.contains(code);
    }

    private static final Set<String> REFUSALS =
        Set.of(
            "PARAM_ERROR",
            "INVALID_REQUEST",
            "NOT_ENOUGH",
            "NO_AUTH",
            "USER_ACCOUNT_ABNORMAL",
            "MCH_NOT_EXISTS",
            "RESOURCE_NOT_EXISTS");

    boolean refundNotFound() {
      return "RESOURCE_NOT_EXISTS".equals(code);
    }

    boolean orderNotFound() {
      return "ORDER_NOT_EXIST".equals(code) || "ORDERNOTEXIST".equals(code);
    }
  }
}
