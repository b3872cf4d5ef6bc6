package io.gridbot.service.payment;

import java.util.Locale;

/** Where a payment is made. Stored by name; {@link #code()} is the lowercase form events carry. */
public enum PaymentChannel {
  /** WeChat Pay, from the official account or a mini program. */
  WECHAT,
  /** Alipay, from the service window. */
  ALIPAY,
  /** The web cashier of the robot chat page. */
  WEB,
  /** A staffed counter in a service hall, recorded by staff. */
  COUNTER;

  /** The lowercase code, e.g. {@code wechat}, as {@link PaymentConfirmed#channel()} carries it. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Chinese name for customer-facing text, e.g. {@code 微信支付}. */
  String displayName() {
    return switch (this) {
      case WECHAT -> "微信支付";
      case ALIPAY -> "支付宝";
      case WEB -> "网上营业厅";
      case COUNTER -> "营业厅柜台";
    };
  }
}
