package io.gridbot.service.payment;

import io.gridbot.service.account.AccountNo;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One movement of an account's money; never changed once written. Money is yuan, scale 2.
 *
 * @param id increases with every entry
 * @param amount signed from the customer's side: {@code balanceDelta - arrearsDelta}
 * @param balanceDelta what it did to the balance
 * @param arrearsDelta what it did to the arrears
 * @param balanceAfter the account's balance right after it
 * @param arrearsAfter the account's arrears right after it
 * @param reference what caused it: the out_trade_no of a payment or refund, {@code bill:2026-01}
 *     for a bill, {@code opening} for an account's opening position
 * @param occurredAt when the money moved (for a payment: when the platform says it was paid)
 * @param outRefundNo the refund a {@code REFUND} or {@code REFUND_REVERSED} entry belongs to; null
 *     for other entries
 */
public record LedgerEntry(
    long id,
    AccountNo accountNo,
    EntryType type,
    BigDecimal amount,
    BigDecimal balanceDelta,
    BigDecimal arrearsDelta,
    BigDecimal balanceAfter,
    BigDecimal arrearsAfter,
    String reference,
    Instant occurredAt,
    String outRefundNo) {

  public LedgerEntry {
    Objects.requireNonNull(accountNo, "accountNo");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(balanceDelta, "balanceDelta");
    Objects.requireNonNull(arrearsDelta, "arrearsDelta");
    Objects.requireNonNull(balanceAfter, "balanceAfter");
    Objects.requireNonNull(arrearsAfter, "arrearsAfter");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }
}
