package io.gridbot.service.payment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * What a channel's own statement (WeChat Pay's or Alipay's daily bill) says it took in one day.
 *
 * @param count number of payments, not negative
 * @param sum yuan, at most two decimals
 * @throws IllegalArgumentException if count is negative or sum has more than two decimals
 */
public record ChannelTotal(long count, BigDecimal sum) {

  public ChannelTotal {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
    Objects.requireNonNull(sum, "sum");
    try {
      sum = sum.setScale(2, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("sum must have at most two decimals: " + sum, e);
    }
  }
}
