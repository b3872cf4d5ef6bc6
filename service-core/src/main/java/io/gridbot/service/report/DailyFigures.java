package io.gridbot.service.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * One day's figures of the customer service (China time), for the staff dashboard.
 *
 * @param conversations distinct customers who wrote to the assistant on any channel
 * @param handedOff of them, those whose conversation went to the agent queue that day
 * @param handoffs conversations queued for an agent that day
 * @param waiting conversations waiting for an agent now
 * @param ticketsByState repair tickets reported that day, by their state now
 * @param payments payment orders paid that day
 * @param paymentAmount their amount, yuan
 */
public record DailyFigures(
    LocalDate day,
    long conversations,
    long handedOff,
    long handoffs,
    long waiting,
    Map<String, Long> ticketsByState,
    long payments,
    BigDecimal paymentAmount) {

  public DailyFigures {
    Objects.requireNonNull(day, "day");
    ticketsByState = Map.copyOf(ticketsByState);
    Objects.requireNonNull(paymentAmount, "paymentAmount");
  }

  /** The share of conversations the robot handled without an agent; null on a day without any. */
  public Double robotResolvedShare() {
    if (conversations == 0) {
      return null;
    }
    return Math.max(0, conversations - handedOff) / (double) conversations;
  }
}
