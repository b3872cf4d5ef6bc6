package io.gridbot.channel.alipay;

import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayClient;
import com.alipay.api.AlipayConfig;
import com.alipay.api.AlipayRequest;
import com.alipay.api.AlipayResponse;
import com.alipay.api.DefaultAlipayClient;
import com.alipay.api.domain.AccessParams;
import com.alipay.api.domain.AgreementParams;
import com.alipay.api.domain.AlipayOpenPublicMessageCustomSendModel;
import com.alipay.api.domain.AlipayTradeCloseModel;
import com.alipay.api.domain.AlipayTradeFastpayRefundQueryModel;
import com.alipay.api.domain.AlipayTradePayModel;
import com.alipay.api.domain.AlipayTradeQueryModel;
import com.alipay.api.domain.AlipayTradeRefundModel;
import com.alipay.api.domain.AlipayTradeWapPayModel;
import com.alipay.api.domain.AlipayUserAgreementPageSignModel;
import com.alipay.api.domain.AlipayUserAgreementUnsignModel;
import com.alipay.api.request.AlipayOpenPublicMessageCustomSendRequest;
import com.alipay.api.request.AlipayTradeCloseRequest;
import com.alipay.api.request.AlipayTradeFastpayRefundQueryRequest;
import com.alipay.api.request.AlipayTradePayRequest;
import com.alipay.api.request.AlipayTradeQueryRequest;
import com.alipay.api.request.AlipayTradeRefundRequest;
import com.alipay.api.request.AlipayTradeWapPayRequest;
import com.alipay.api.request.AlipayUserAgreementPageSignRequest;
import com.alipay.api.request.AlipayUserAgreementUnsignRequest;
import com.alipay.api.response.AlipayTradeFastpayRefundQueryResponse;
import com.alipay.api.response.AlipayTradePayResponse;
import com.alipay.api.response.AlipayTradeQueryResponse;
import com.alipay.api.response.AlipayTradeRefundResponse;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The Alipay OpenAPI calls the channel makes, through the SDK's client (requests signed with the
 * application's key, responses verified with Alipay's). Every failure is an {@link
 * AlipayCallFailed}.
 */
@Component
class AlipayApi {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  static final DateTimeFormatter ALIPAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final String TRADE_NOT_EXIST = "ACQ.TRADE_NOT_EXIST";

  private final AlipayClient client;
  private final AlipaySettings settings;

  AlipayApi(AlipaySettings settings) {
    this.settings = settings;
    AlipayConfig config = new AlipayConfig();
    config.setServerUrl(settings.gatewayUrl());
    config.setAppId(settings.appId());
    config.setPrivateKey(settings.appPrivateKey());
    config.setAlipayPublicKey(settings.alipayPublicKey());
    config.setFormat("json");
    config.setCharset("UTF-8");
    config.setSignType("RSA2");
    config.setConnectTimeout((int) settings.connectTimeout().toMillis());
    config.setReadTimeout((int) settings.readTimeout().toMillis());
    try {
      this.client = new DefaultAlipayClient(config);
    } catch (AlipayApiException e) {
      throw new IllegalStateException("cannot set up the Alipay client: " + e.getErrMsg(), e);
    }
  }

  /**
   * Sends one service window message ({@code alipay.open.public.message.custom.send}).
   *
   * @throws AlipayCallFailed when Alipay refuses it or cannot be reached
   */
  void customSend(AlipayOpenPublicMessageCustomSendModel message) {
    AlipayOpenPublicMessageCustomSendRequest request =
        new AlipayOpenPublicMessageCustomSendRequest();
    request.setBizModel(message);
    execute(request);
  }

  /**
   * The page that takes a phone to Alipay's cashier for the order ({@code alipay.trade.wap.pay}):
   * an HTML form that submits itself to the gateway. Nothing is sent to Alipay here.
   */
  String wapPayPage(String outTradeNo, BigDecimal amount, String subject, Instant expiresAt) {
    AlipayTradeWapPayModel model = new AlipayTradeWapPayModel();
    model.setOutTradeNo(outTradeNo);
    model.setTotalAmount(amount.setScale(2).toPlainString());
    model.setSubject(subject);
    model.setProductCode("QUICK_WAP_WAY");
    model.setTimeExpire(ALIPAY_TIME.format(expiresAt.atZone(CHINA)));
    if (settings.sellerId() != null) {
      model.setSellerId(settings.sellerId());
    }
    AlipayTradeWapPayRequest request = new AlipayTradeWapPayRequest();
    request.setBizModel(model);
    request.setNotifyUrl(settings.notifyUrl());
    if (settings.returnUrl() != null) {
      request.setReturnUrl(settings.returnUrl());
    }
    try {
      return client.pageExecute(request).getBody();
    } catch (AlipayApiException e) {
      throw failed(request, e);
    }
  }

  /**
   * The trade of an order at Alipay ({@code alipay.trade.query}), or empty when Alipay has none
   * (the customer never opened the cashier).
   */
  Optional<Trade> query(String outTradeNo) {
    AlipayTradeQueryModel model = new AlipayTradeQueryModel();
    model.setOutTradeNo(outTradeNo);
    AlipayTradeQueryRequest request = new AlipayTradeQueryRequest();
    request.setBizModel(model);
    AlipayTradeQueryResponse response = send(request);
    if (!response.isSuccess()) {
      if (TRADE_NOT_EXIST.equals(response.getSubCode())) {
        return Optional.empty();
      }
      throw refused(request, response);
    }
    return Optional.of(
        new Trade(
            response.getTradeStatus(),
            response.getTotalAmount() == null ? null : new BigDecimal(response.getTotalAmount()),
            response.getTradeNo(),
            response.getSendPayDate() == null ? null : response.getSendPayDate().toInstant()));
  }

  /** Closes an unpaid trade ({@code alipay.trade.close}); a trade Alipay never had is fine. */
  void close(String outTradeNo) {
    AlipayTradeCloseModel model = new AlipayTradeCloseModel();
    model.setOutTradeNo(outTradeNo);
    AlipayTradeCloseRequest request = new AlipayTradeCloseRequest();
    request.setBizModel(model);
    AlipayResponse response = send(request);
    if (!response.isSuccess() && !TRADE_NOT_EXIST.equals(response.getSubCode())) {
      throw refused(request, response);
    }
  }

  /**
   * The link that opens Alipay's auto-debit signing page ({@code alipay.user.agreement.page.sign},
   * the gateway URL with the signed request in its query). Nothing is sent to Alipay here.
   */
  String agreementSignUrl(String externalAgreementNo, AlipayAutoDebitSettings autoDebit) {
    AlipayUserAgreementPageSignModel model = new AlipayUserAgreementPageSignModel();
    model.setPersonalProductCode(autoDebit.personalProductCode());
    model.setProductCode(autoDebit.productCode());
    model.setSignScene(autoDebit.signScene());
    model.setExternalAgreementNo(externalAgreementNo);
    AccessParams access = new AccessParams();
    access.setChannel("ALIPAYAPP");
    model.setAccessParams(access);
    AlipayUserAgreementPageSignRequest request = new AlipayUserAgreementPageSignRequest();
    request.setBizModel(model);
    request.setNotifyUrl(settings.notifyUrl());
    if (autoDebit.signReturnUrl() != null) {
      request.setReturnUrl(autoDebit.signReturnUrl());
    }
    try {
      return client.pageExecute(request, "GET").getBody();
    } catch (AlipayApiException e) {
      throw failed(request, e);
    }
  }

  /**
   * Deducts a bill under an agreement ({@code alipay.trade.pay}, product {@code
   * GENERAL_WITHHOLDING}). The same {@code outTradeNo} never pays twice at Alipay.
   *
   * @return what Alipay answered; network trouble and Alipay's own errors are {@link
   *     Deducted.Outcome#UNKNOWN}
   */
  Deducted tradePay(
      String outTradeNo,
      BigDecimal amount,
      String subject,
      String agreementNo,
      AlipayAutoDebitSettings autoDebit) {
    AlipayTradePayModel model = new AlipayTradePayModel();
    model.setOutTradeNo(outTradeNo);
    model.setTotalAmount(amount.setScale(2).toPlainString());
    model.setSubject(subject);
    model.setProductCode(autoDebit.productCode());
    AgreementParams agreement = new AgreementParams();
    agreement.setAgreementNo(agreementNo);
    model.setAgreementParams(agreement);
    if (settings.sellerId() != null) {
      model.setSellerId(settings.sellerId());
    }
    AlipayTradePayRequest request = new AlipayTradePayRequest();
    request.setBizModel(model);
    request.setNotifyUrl(settings.notifyUrl());
    AlipayTradePayResponse response;
    try {
      response = send(request);
    } catch (AlipayCallFailed e) {
      return Deducted.unknown(e.getMessage());
    }
    if (response.isSuccess()) {
      return new Deducted(
          Deducted.Outcome.PAID,
          response.getTradeNo(),
          response.getTotalAmount() == null ? null : new BigDecimal(response.getTotalAmount()),
          response.getGmtPayment() == null ? null : response.getGmtPayment().toInstant(),
          null);
    }
    AlipayCallFailed refusal = refused(request, response);
    if ("10003".equals(response.getCode()) || refusal.retryable()) {
      return Deducted.unknown(refusal.getMessage());
    }
    if ("ACQ.TRADE_HAS_SUCCESS".equals(response.getSubCode())) {
      return new Deducted(Deducted.Outcome.ALREADY_PAID, null, null, null, refusal.getMessage());
    }
    String reason =
        (response.getSubCode() == null ? response.getCode() : response.getSubCode())
            + (response.getSubMsg() == null ? "" : " " + response.getSubMsg());
    return new Deducted(Deducted.Outcome.REFUSED, null, null, null, reason);
  }

  /**
   * Refunds part or all of a paid trade ({@code alipay.trade.refund}). {@code outRequestNo} (our
   * {@code out_refund_no}) makes a repeat the same refund at Alipay: it then answers success
   * without moving money again ({@code fund_change} N).
   *
   * @param reason shown to the payer; cut to 256 characters
   * @return what Alipay answered: network trouble, Alipay's system errors and unknown codes are
   *     {@link Refunded.Outcome#RETRY}, a business refusal ({@code 40004}) {@link
   *     Refunded.Outcome#REFUSED}
   */
  Refunded refund(String outTradeNo, String outRequestNo, BigDecimal amount, String reason) {
    AlipayTradeRefundModel model = new AlipayTradeRefundModel();
    model.setOutTradeNo(outTradeNo);
    model.setOutRequestNo(outRequestNo);
    model.setRefundAmount(amount.setScale(2).toPlainString());
    model.setRefundReason(reason.length() > 256 ? reason.substring(0, 256) : reason);
    AlipayTradeRefundRequest request = new AlipayTradeRefundRequest();
    request.setBizModel(model);
    AlipayTradeRefundResponse response;
    try {
      response = send(request);
    } catch (AlipayCallFailed e) {
      return new Refunded(Refunded.Outcome.RETRY, null, null, null, e.getMessage());
    }
    if (response.isSuccess()) {
      return new Refunded(
          Refunded.Outcome.SENT,
          response.getTradeNo(),
          response.getFundChange(),
          instant(response.getGmtRefundPay()),
          null);
    }
    AlipayCallFailed refusal = refused(request, response);
    if ("40004".equals(response.getCode()) && !refusal.retryable()) {
      return new Refunded(Refunded.Outcome.REFUSED, null, null, null, refusal.getMessage());
    }
    return new Refunded(Refunded.Outcome.RETRY, null, null, null, refusal.getMessage());
  }

  /**
   * Whether Alipay carried out a refund ({@code alipay.trade.fastpay.refund.query} with {@code
   * query_options} {@code gmt_refund_pay}): only {@code refund_status} {@code REFUND_SUCCESS} means
   * the money went back; an answer without it means Alipay did not carry the refund out (it may be
   * sent again under the same request number).
   *
   * @return what Alipay answered: network trouble, an answer not signed by Alipay and any error
   *     code are {@link RefundQueried.Outcome#UNKNOWN}
   */
  RefundQueried queryRefund(String outTradeNo, String outRequestNo) {
    AlipayTradeFastpayRefundQueryModel model = new AlipayTradeFastpayRefundQueryModel();
    model.setOutTradeNo(outTradeNo);
    model.setOutRequestNo(outRequestNo);
    model.setQueryOptions(List.of("gmt_refund_pay"));
    AlipayTradeFastpayRefundQueryRequest request = new AlipayTradeFastpayRefundQueryRequest();
    request.setBizModel(model);
    AlipayTradeFastpayRefundQueryResponse response;
    try {
      response = send(request);
    } catch (AlipayCallFailed e) {
      return new RefundQueried(RefundQueried.Outcome.UNKNOWN, null, e.getMessage());
    }
    if (!response.isSuccess()) {
      return new RefundQueried(
          RefundQueried.Outcome.UNKNOWN, null, refused(request, response).getMessage());
    }
    if ("REFUND_SUCCESS".equals(response.getRefundStatus())) {
      return new RefundQueried(
          RefundQueried.Outcome.REFUNDED, instant(response.getGmtRefundPay()), null);
    }
    return new RefundQueried(
        RefundQueried.Outcome.NOT_REFUNDED,
        null,
        "refund_status "
            + (response.getRefundStatus() == null ? "absent" : response.getRefundStatus()));
  }

  /**
   * Ends an auto-debit agreement at Alipay ({@code alipay.user.agreement.unsign}); an agreement
   * Alipay no longer has is fine.
   *
   * @throws AlipayCallFailed when Alipay refuses it otherwise or cannot be reached
   */
  void unsignAgreement(String agreementNo, AlipayAutoDebitSettings autoDebit) {
    AlipayUserAgreementUnsignModel model = new AlipayUserAgreementUnsignModel();
    model.setAgreementNo(agreementNo);
    model.setPersonalProductCode(autoDebit.personalProductCode());
    model.setSignScene(autoDebit.signScene());
    AlipayUserAgreementUnsignRequest request = new AlipayUserAgreementUnsignRequest();
    request.setBizModel(model);
    AlipayResponse response = send(request);
    String sub = response.getSubCode() == null ? "" : response.getSubCode();
    if (!response.isSuccess() && !sub.contains("AGREEMENT_NOT_EXIST") && !sub.contains("UNSIGN")) {
      throw refused(request, response);
    }
  }

  <T extends AlipayResponse> T execute(AlipayRequest<T> request) {
    T response = send(request);
    if (!response.isSuccess()) {
      throw refused(request, response);
    }
    return response;
  }

  /**
   * Sends a request and returns Alipay's answer, successful or not.
   *
   * @throws AlipayCallFailed when Alipay cannot be reached or its answer fails the signature check
   */
  private <T extends AlipayResponse> T send(AlipayRequest<T> request) {
    try {
      return client.execute(request);
    } catch (AlipayApiException e) {
      throw failed(request, e);
    }
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }

  /** Parses Alipay's {@code yyyy-MM-dd HH:mm:ss} China time; null when absent or malformed. */
  static Instant parseTime(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDateTime.parse(value.strip(), ALIPAY_TIME).atZone(CHINA).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static AlipayCallFailed failed(AlipayRequest<?> request, AlipayApiException e) {
    // the SDK wraps I/O trouble; a response whose signature fails the check is an exception too
    String code =
        e.getErrCode() != null
            ? e.getErrCode()
            : e.getCause() instanceof java.io.IOException ? "NETWORK" : "SDK";
    return new AlipayCallFailed(request.getApiMethodName(), code, null, e.getErrMsg(), e);
  }

  private static AlipayCallFailed refused(AlipayRequest<?> request, AlipayResponse response) {
    return new AlipayCallFailed(
        request.getApiMethodName(),
        response.getCode(),
        response.getSubCode(),
        response.getSubMsg() == null ? response.getMsg() : response.getSubMsg(),
        null);
  }

  /**
   * What Alipay answered to a deduction.
   *
   * @param tradeNo, totalAmount, paidAt set when {@code PAID}
   * @param reason Alipay's code and message otherwise
   */
  record Deducted(
      Outcome outcome, String tradeNo, BigDecimal totalAmount, Instant paidAt, String reason) {

    enum Outcome {
      /** Deducted now. */
      PAID,
      /** Alipay paid this out_trade_no before: look the trade up. */
      ALREADY_PAID,
      /** Alipay will not deduct (no balance, agreement gone, ...). */
      REFUSED,
      /** Not known: processing at Alipay, Alipay busy, or no answer. Ask again later. */
      UNKNOWN
    }

    static Deducted unknown(String reason) {
      return new Deducted(Outcome.UNKNOWN, null, null, null, reason);
    }
  }

  /**
   * What Alipay answered to a refund.
   *
   * @param tradeNo Alipay's trade number, when sent
   * @param fundChange {@code Y} when this call moved the money; {@code N} for a repeat or a refund
   *     not carried out yet (ask with {@link #queryRefund}); when sent
   * @param refundedAt when the money went back ({@code gmt_refund_pay}), or null
   * @param reason Alipay's code and message, when not sent
   */
  record Refunded(
      Outcome outcome, String tradeNo, String fundChange, Instant refundedAt, String reason) {

    /** True when Alipay said this call moved the money back. */
    boolean moved() {
      return outcome == Outcome.SENT && "Y".equals(fundChange);
    }

    enum Outcome {
      /** Alipay accepted the refund (now, or earlier under the same request number). */
      SENT,
      /** Alipay will not refund (trade finished, amount too large, ...). */
      REFUSED,
      /** Not known: Alipay busy or no answer. Send it again later. */
      RETRY
    }
  }

  /**
   * What Alipay answered to a refund query.
   *
   * @param refundedAt when the money went back, or null
   * @param reason what Alipay answered otherwise
   */
  record RefundQueried(Outcome outcome, Instant refundedAt, String reason) {

    enum Outcome {
      /** {@code REFUND_SUCCESS}: the money went back. */
      REFUNDED,
      /** Alipay did not carry the refund out: send it again under the same request number. */
      NOT_REFUNDED,
      /** No answer, an unsigned answer or an error: ask again later. */
      UNKNOWN
    }
  }

  /**
   * An Alipay trade.
   *
   * @param status {@code WAIT_BUYER_PAY}, {@code TRADE_CLOSED}, {@code TRADE_SUCCESS} or {@code
   *     TRADE_FINISHED}
   * @param paidAt when it was paid, or null
   */
  record Trade(String status, BigDecimal totalAmount, String tradeNo, Instant paidAt) {
    boolean paid() {
      return "TRADE_SUCCESS".equals(status) || "TRADE_FINISHED".equals(status);
    }
  }
}
