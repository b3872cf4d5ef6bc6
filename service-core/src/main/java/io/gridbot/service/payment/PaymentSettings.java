package io.gridbot.service.payment;

import java.time.ZoneId;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gridbot.payment.*}.
 *
 * @param businessZone the utility's time zone: the date and time in an out_trade_no, the business
 *     day of the reconciliation, whether a bill was paid by its due date
 */
@ConfigurationProperties("gridbot.payment")
record PaymentSettings(@DefaultValue("Asia/Shanghai") ZoneId businessZone) {

  PaymentSettings {
    Objects.requireNonNull(businessZone, "gridbot.payment.business-zone");
  }
}
