package io.gridbot.service.payment;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a payment order is in its life. The state machine:
 *
 * <pre>
 *   CREATED --confirm-----------------&gt; PAID --refund (the last yuan)--&gt; REFUNDED
 *      |                                 ^ ^                                |
 *      |                                 | +--the platform did not pay it--+
 *      +--close / expire--&gt; CLOSED --confirm (late)
 * </pre>
 *
 * <ul>
 *   <li>{@code CREATED → PAID}: the channel confirmed the payment; the account is credited once.
 *   <li>{@code CREATED → CLOSED}: the order expired or the channel closed it unpaid.
 *   <li>{@code CLOSED → PAID}: a confirmation arrived after the order was closed. The money has
 *       arrived at the utility, so it is credited like any other payment rather than left in limbo
 *       until someone refunds it by hand; {@code closedAt} stays as history.
 *   <li>{@code PAID → REFUNDED}: staff refunded the whole amount. Partial refunds keep the order
 *       {@code PAID} and add to its refunded amount; the refund that reaches the full amount moves
 *       it to {@code REFUNDED}.
 *   <li>{@code REFUNDED → PAID}: a refund sent through WeChat Pay or Alipay did not reach the payer
 *       (the platform refused it, gave up, or ended it abnormally): its money is back on the
 *       account and off the refunded amount, which may be refunded again. A partly refunded order
 *       stays {@code PAID} with less refunded. The refund's money leaving after all (sent again, or
 *       paid late) adds it back and may make the order {@code REFUNDED} again.
 * </ul>
 *
 * Every other change is refused with {@link PaymentTransitionRefused}. Confirming a {@code PAID} or
 * {@code REFUNDED} order again with the same channel transaction is not a change: it returns the
 * order as it is. Closing a {@code CLOSED} order is not a change either.
 */
public enum PaymentState {
  CREATED,
  PAID,
  CLOSED,
  REFUNDED;

  /** The states this one may change to. */
  public Set<PaymentState> successors() {
    return switch (this) {
      case CREATED -> EnumSet.of(PAID, CLOSED);
      case CLOSED -> EnumSet.of(PAID);
      case PAID -> EnumSet.of(REFUNDED);
      case REFUNDED -> EnumSet.of(PAID);
    };
  }

  /** Whether the machine allows changing from this state to {@code next}. */
  public boolean canBecome(PaymentState next) {
    return successors().contains(next);
  }

  /** Chinese name for customer-facing text. */
  String displayName() {
    return switch (this) {
      case CREATED -> "待支付";
      case PAID -> "已支付";
      case CLOSED -> "已关闭";
      case REFUNDED -> "已退款";
    };
  }
}
