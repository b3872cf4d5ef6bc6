package io.gridbot.channel.alipay;

import io.gridbot.service.port.ChannelPayments;
import io.gridbot.service.port.ChannelPayments.ChannelOrder;
import io.gridbot.service.port.ChannelPayments.PaymentRefused;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Alipay payments of service-core's orders: the phone cashier page of an order and the payment
 * notifications ({@code rsaCheckV1}, then app, seller, order and amount checked; only {@code
 * TRADE_SUCCESS} and {@code TRADE_FINISHED} confirm).
 */
@Component
class AlipayPayments {

  static final String SUCCESS = "success";
  static final String FAILURE = "failure";
  private static final Pattern OUT_TRADE_NO = Pattern.compile("[A-Za-z0-9_\\-]{1,64}");
  private static final Logger log = LoggerFactory.getLogger(AlipayPayments.class);

  private final AlipaySettings settings;
  private final ChannelPayments payments;
  private final AlipayApi api;
  private final Clock clock;

  @Autowired
  AlipayPayments(AlipaySettings settings, ChannelPayments payments, AlipayApi api) {
    this(settings, payments, api, Clock.systemUTC());
  }

  AlipayPayments(AlipaySettings settings, ChannelPayments payments, AlipayApi api, Clock clock) {
    this.settings = settings;
    this.payments = payments;
    this.api = api;
    this.clock = clock;
  }

  /** The cashier page of an Alipay order that can still be paid, or empty with the reason. */
  PayPage payPage(String outTradeNo) {
    if (outTradeNo == null || !OUT_TRADE_NO.matcher(outTradeNo).matches()) {
      return PayPage.missing();
    }
    Optional<ChannelOrder> found = payments.order(outTradeNo);
    if (found.isEmpty() || !AlipayOutbound.CHANNEL.equals(found.get().channel())) {
      return PayPage.missing();
    }
    ChannelOrder order = found.get();
    Instant expires = order.createdAt().plus(settings.orderExpiry());
    if (!order.payable() || !expires.isAfter(clock.instant().plusSeconds(60))) {
      return PayPage.closed();
    }
    String subject = "电费缴纳" + (order.accountMasked() == null ? "" : " " + order.accountMasked());
    return new PayPage(api.wapPayPage(order.outTradeNo(), order.amount(), subject, expires), null);
  }

  /**
   * Handles a payment notification.
   *
   * @return exactly {@code success} when it was verified and the payment is recorded (committed),
   *     or it needs nothing; {@code failure} otherwise, so that Alipay delivers it again
   */
  String notified(Map<String, String> params) {
    String outTradeNo = params.get("out_trade_no");
    if (!verified(params)) {
      log.warn("alipay notify for order {} refused: bad or missing signature", outTradeNo);
      return FAILURE;
    }
    if (!settings.appId().equals(params.get("app_id"))) {
      log.warn("alipay notify for order {} refused: app_id {}", outTradeNo, params.get("app_id"));
      return FAILURE;
    }
    if (settings.sellerId() != null && !settings.sellerId().equals(params.get("seller_id"))) {
      log.warn(
          "alipay notify for order {} refused: seller {}", outTradeNo, params.get("seller_id"));
      return FAILURE;
    }
    Optional<ChannelOrder> order =
        outTradeNo == null || !OUT_TRADE_NO.matcher(outTradeNo).matches()
            ? Optional.empty()
            : payments.order(outTradeNo);
    if (order.isEmpty() || !AlipayOutbound.CHANNEL.equals(order.get().channel())) {
      log.warn("alipay notify refused: no Alipay order {}", outTradeNo);
      return FAILURE;
    }
    String status = params.get("trade_status");
    if (!("TRADE_SUCCESS".equals(status) || "TRADE_FINISHED".equals(status))) {
      log.info("alipay notify for order {}: {} (nothing to record)", outTradeNo, status);
      return SUCCESS;
    }
    BigDecimal amount;
    try {
      amount = new BigDecimal(params.getOrDefault("total_amount", ""));
    } catch (NumberFormatException e) {
      log.warn("alipay notify for order {} refused: total_amount unreadable", outTradeNo);
      return FAILURE;
    }
    if (amount.compareTo(order.get().amount()) != 0) {
      log.error(
          "STAFF: alipay notify for order {} says {} paid but the order is for {}: refused,"
              + " check trade {}",
          outTradeNo,
          amount,
          order.get().amount(),
          params.get("trade_no"));
      return FAILURE;
    }
    return confirm(
        outTradeNo,
        amount,
        params.get("trade_no"),
        Optional.ofNullable(AlipayApi.parseTime(params.get("gmt_payment")))
            .orElse(clock.instant()));
  }

  /** Confirms an order paid; {@code success} once it is committed. */
  String confirm(String outTradeNo, BigDecimal amount, String tradeNo, Instant paidAt) {
    if (tradeNo == null || tradeNo.isBlank()) {
      log.warn("alipay payment of order {} has no trade_no", outTradeNo);
      return FAILURE;
    }
    try {
      ChannelOrder paid = payments.confirm(outTradeNo, amount, tradeNo, paidAt);
      log.info("alipay payment of order {} confirmed: {} ({})", outTradeNo, amount, paid.state());
      return SUCCESS;
    } catch (PaymentRefused e) {
      log.error(
          "STAFF: alipay payment of order {} (trade {}) refused: {} {}",
          outTradeNo,
          tradeNo,
          e.reason(),
          e.getMessage());
      return FAILURE;
    } catch (RuntimeException e) {
      log.error("alipay payment of order {} could not be recorded now", outTradeNo, e);
      return FAILURE;
    }
  }

  private boolean verified(Map<String, String> params) {
    return AlipaySignatures.notification(params, settings.alipayPublicKey());
  }

  /**
   * A cashier page, or why there is none.
   *
   * @param html the self-submitting form to Alipay, or null
   * @param refusal {@code missing} or {@code closed}, or null
   */
  record PayPage(String html, String refusal) {
    static PayPage missing() {
      return new PayPage(null, "missing");
    }

    static PayPage closed() {
      return new PayPage(null, "closed");
    }
  }
}
