package io.gridbot.service.payment;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff's view of {@code refund_dispatch}. A {@link Clock} bean, if the application has exactly
 * one, is the time; otherwise UTC system time.
 */
@Service
@Transactional
class DefaultRefundDispatches implements RefundDispatches {

  private static final Logger log = LoggerFactory.getLogger(DefaultRefundDispatches.class);

  private final RefundDispatchMapper dispatches;
  private final RefundReversals reversals;
  private final Clock clock;

  DefaultRefundDispatches(
      RefundDispatchMapper dispatches, RefundReversals reversals, ObjectProvider<Clock> clock) {
    this.dispatches = dispatches;
    this.reversals = reversals;
    this.clock = clock.getIfUnique(Clock::systemUTC);
  }

  @Override
  @Transactional(readOnly = true)
  public List<RefundDispatch> list(
      RefundDispatchState state, PaymentChannel channel, String before, int limit) {
    if (limit < 1 || limit > 500) {
      throw new IllegalArgumentException("limit must be 1 to 500, got " + limit);
    }
    if (channel != null && !DefaultChannelRefunds.dispatched(channel)) {
      throw new IllegalArgumentException("refunds of " + channel + " go to no platform");
    }
    if (before != null && dispatches.find(before).isEmpty()) {
      throw new RefundDispatchNotFound(before);
    }
    return dispatches.findPage(state, channel, before, limit);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<RefundDispatch> find(String outRefundNo) {
    return dispatches.find(Objects.requireNonNull(outRefundNo, "outRefundNo"));
  }

  @Override
  public RefundDispatch retry(String outRefundNo, String staff) {
    Objects.requireNonNull(staff, "staff");
    RefundDispatch refund =
        dispatches
            .lock(Objects.requireNonNull(outRefundNo, "outRefundNo"))
            .orElseThrow(() -> new RefundDispatchNotFound(outRefundNo));
    if (refund.state() != RefundDispatchState.FAILED
        || refund.failure() != RefundFailure.ATTEMPTS) {
      throw new RefundRetryRefused(outRefundNo, refund.state(), refund.failure());
    }
    reversals.requireRefundable(refund);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    dispatches.markRetriedByStaff(outRefundNo, now);
    boolean takenOff = reversals.takeOffAgain(refund, now).isPresent();
    log.info(
        "refund {} of order {} ({} yuan, {}) sent again by {} after {} attempts (last error: {}){}",
        outRefundNo,
        refund.outTradeNo(),
        refund.amount(),
        refund.channel().code(),
        staff,
        refund.attempts(),
        refund.lastError(),
        takenOff ? "; its money is taken off the account again" : "");
    return dispatches.find(outRefundNo).orElseThrow();
  }
}
