package io.gridbot.channel.web;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * What the demo payment page needs from the business: find an order and pay it without a real
 * payment platform. The application implements it over its payment service; it exists only where
 * {@code gridbot.web.demo-pay.enabled} is true (never in production).
 */
public interface DemoCashier {

  /** The order; empty if there is none or the id is malformed. */
  Optional<DemoOrder> find(String outTradeNo);

  /**
   * Pays the order in full as if a platform had confirmed it. Paying a paid order again changes
   * nothing and returns it as it is.
   *
   * @return the order after payment; empty if there is no such order
   */
  Optional<DemoOrder> pay(String outTradeNo);

  /**
   * An order as the page shows it.
   *
   * @param maskedAccount the customer number, masked (3300****02)
   * @param amount yuan, scale 2
   * @param paid whether it has been paid (or paid and refunded)
   */
  record DemoOrder(String outTradeNo, String maskedAccount, BigDecimal amount, boolean paid) {
    public DemoOrder {
      Objects.requireNonNull(outTradeNo, "outTradeNo");
      Objects.requireNonNull(maskedAccount, "maskedAccount");
      Objects.requireNonNull(amount, "amount");
    }
  }
}
