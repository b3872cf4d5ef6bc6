package io.gridbot.intents;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Settings of the assistant's tasks, {@code gridbot.assistant.*}.
 *
 * @param payUrl the payment page of an order, {@code {outTradeNo}} replaced by the order's id
 * @param invoiceUrl the page of an electronic invoice, {@code {invoiceNo}} replaced by its number
 * @param payUrls per conversation channel (e.g. {@code alipay}), a payment page that replaces
 *     {@code payUrl} for that channel's customers; same template rules
 */
@ConfigurationProperties("gridbot.assistant")
public record AssistantSettings(String payUrl, String invoiceUrl, Map<String, String> payUrls) {

  static final String OUT_TRADE_NO = "{outTradeNo}";
  static final String INVOICE_NO = "{invoiceNo}";

  @ConstructorBinding
  public AssistantSettings {
    payUrl = payUrl == null ? "http://localhost:8080/pay/" + OUT_TRADE_NO : payUrl;
    invoiceUrl = invoiceUrl == null ? "http://localhost:8080/invoices/" + INVOICE_NO : invoiceUrl;
    requireTemplate("pay-url", payUrl, OUT_TRADE_NO);
    requireTemplate("invoice-url", invoiceUrl, INVOICE_NO);
    payUrls = payUrls == null ? Map.of() : Map.copyOf(payUrls);
    payUrls.forEach((channel, url) -> requireTemplate("pay-urls." + channel, url, OUT_TRADE_NO));
  }

  /** Settings with one payment page for every channel. */
  public AssistantSettings(String payUrl, String invoiceUrl) {
    this(payUrl, invoiceUrl, null);
  }

  /** The defaults, for a local demo. */
  public static AssistantSettings defaults() {
    return new AssistantSettings(null, null);
  }

  /** The payment page of the order {@code outTradeNo}. */
  public String payUrl(String outTradeNo) {
    return payUrl.replace(OUT_TRADE_NO, outTradeNo);
  }

  /**
   * The payment page of the order {@code outTradeNo} for a customer talking on {@code channel}: the
   * channel's own page when {@code pay-urls} has one, else {@code pay-url}.
   */
  public String payUrl(String outTradeNo, String channel) {
    return payUrls.getOrDefault(channel, payUrl).replace(OUT_TRADE_NO, outTradeNo);
  }

  /** The page of the invoice {@code invoiceNo}. */
  public String invoiceUrl(String invoiceNo) {
    return invoiceUrl.replace(INVOICE_NO, invoiceNo);
  }

  private static void requireTemplate(String name, String url, String placeholder) {
    if (!(url.startsWith("http://") || url.startsWith("https://")) || !url.contains(placeholder)) {
      throw new IllegalArgumentException(
          "gridbot.assistant." + name + " must be an http(s) URL containing " + placeholder);
    }
  }
}
