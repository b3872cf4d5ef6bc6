package io.gridbot.service.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * Money given back on a paid order by staff. Sending it back through the platform is the paying
 * channel's job; this is the utility's record of it.
 *
 * @param outRefundNo the refund's id, {@code R} and 22 digits (the platforms' {@code
 *     out_refund_no})
 * @param reason why, as staff wrote it
 * @param staff who made it
 */
public record Refund(
    String outRefundNo,
    OutTradeNo outTradeNo,
    BigDecimal amount,
    String reason,
    String staff,
    Instant createdAt) {

  public Refund {
    Objects.requireNonNull(outRefundNo, "outRefundNo");
    Objects.requireNonNull(outTradeNo, "outTradeNo");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(staff, "staff");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
