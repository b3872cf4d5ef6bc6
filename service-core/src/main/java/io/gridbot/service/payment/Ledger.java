package io.gridbot.service.payment;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.AccountNotFound;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves an account's money and writes the ledger entry for it, inside the caller's transaction.
 * Each movement locks the account row first, so movements of one account never interleave; bill
 * rows are locked after the account row, never before.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class Ledger {

  private final LedgerMapper ledger;

  Ledger(LedgerMapper ledger) {
    this.ledger = ledger;
  }

  /** The outcome of a credit: its entry and whether every bill it settled was not yet overdue. */
  record Credit(LedgerEntry entry, boolean onTime) {}

  /**
   * Credits a payment: it settles the arrears first (unpaid bills oldest first), the rest goes to
   * the balance.
   *
   * @param payDay the business day of the payment, to tell whether bills were paid on time
   */
  Credit credit(
      AccountNo no,
      BigDecimal amount,
      String reference,
      String dedupKey,
      Instant occurredAt,
      LocalDate payDay) {
    Position position = lock(no);
    Settled settled = settleArrears(no, position, amount, occurredAt, payDay);
    LedgerEntry entry =
        append(
            no,
            position,
            EntryType.PAYMENT,
            amount.subtract(settled.toArrears()),
            settled.toArrears().negate(),
            reference,
            null,
            dedupKey,
            occurredAt);
    return new Credit(entry, settled.onTime());
  }

  /**
   * Takes a refund out of the account: from its balance first; the rest re-opens the most recently
   * covered bills (newest first) and adds to the arrears. Returns the existing entry, changing
   * nothing, when the dedup key was used before.
   *
   * @param reference the refunded order's out_trade_no
   * @param outRefundNo the refund
   */
  LedgerEntry reverse(
      AccountNo no,
      BigDecimal amount,
      String reference,
      String outRefundNo,
      String dedupKey,
      Instant occurredAt) {
    Position position = lock(no);
    var existing = ledger.findByDedupKey(dedupKey);
    if (existing.isPresent()) {
      return existing.get();
    }
    BigDecimal fromBalance = position.balance().max(BigDecimal.ZERO).min(amount);
    BigDecimal toArrears = amount.subtract(fromBalance);
    BigDecimal remaining = toArrears;
    if (remaining.signum() > 0) {
      for (OpenBill bill : ledger.lockSettledBills(no)) {
        BigDecimal take = bill.settledAmount().min(remaining);
        ledger.settleBill(bill.id(), bill.settledAmount().subtract(take), false, null);
        remaining = remaining.subtract(take);
        if (remaining.signum() == 0) {
          break;
        }
      }
    }
    return append(
        no,
        position,
        EntryType.REFUND,
        fromBalance.negate(),
        toArrears,
        reference,
        outRefundNo,
        dedupKey,
        occurredAt);
  }

  /**
   * Puts the money of a refund the platform did not pay back on the account again, as a payment
   * would: it settles the arrears first (unpaid bills oldest first), the rest goes to the balance.
   * Returns the existing entry, changing nothing, when the dedup key was used before.
   *
   * @param reference the refunded order's out_trade_no
   * @param outRefundNo the refund
   */
  LedgerEntry restore(
      AccountNo no,
      BigDecimal amount,
      String reference,
      String outRefundNo,
      String dedupKey,
      Instant occurredAt) {
    return credit(
        no, EntryType.REFUND_REVERSED, amount, reference, outRefundNo, dedupKey, occurredAt);
  }

  /**
   * Credits a redeemed points coupon as a payment would be: it settles the arrears first (unpaid
   * bills oldest first), the rest goes to the balance. Returns the existing entry, changing
   * nothing, when the dedup key was used before.
   *
   * @param requestId the redemption's request id, the entry's reference
   */
  LedgerEntry creditCoupon(
      AccountNo no, BigDecimal amount, String requestId, String dedupKey, Instant occurredAt) {
    return credit(no, EntryType.COUPON, amount, requestId, null, dedupKey, occurredAt);
  }

  /**
   * Credits money that is not a payment: the arrears first (unpaid bills oldest first), the rest to
   * the balance; the existing entry, changing nothing, when the dedup key was used before.
   */
  private LedgerEntry credit(
      AccountNo no,
      EntryType type,
      BigDecimal amount,
      String reference,
      String outRefundNo,
      String dedupKey,
      Instant occurredAt) {
    Position position = lock(no);
    var existing = ledger.findByDedupKey(dedupKey);
    if (existing.isPresent()) {
      return existing.get();
    }
    Settled settled = settleArrears(no, position, amount, occurredAt, null);
    return append(
        no,
        position,
        type,
        amount.subtract(settled.toArrears()),
        settled.toArrears().negate(),
        reference,
        outRefundNo,
        dedupKey,
        occurredAt);
  }

  /**
   * Charges an issued bill: the balance covers what it can, the rest adds to the arrears. Returns
   * the existing entry if the bill was charged before.
   */
  LedgerEntry chargeBill(AccountNo no, YearMonth period, Instant occurredAt) {
    Position position = lock(no);
    String dedupKey = "bill:" + no.value() + ":" + period;
    var existing = ledger.findByDedupKey(dedupKey);
    if (existing.isPresent()) {
      return existing.get();
    }
    OpenBill bill =
        ledger
            .lockBill(no, period)
            .filter(b -> !b.paid() && b.settledAmount().signum() == 0)
            .orElseThrow(() -> new BillNotChargeable(no, period));
    BigDecimal fromBalance = position.balance().max(BigDecimal.ZERO).min(bill.amount());
    if (fromBalance.signum() > 0) {
      cover(bill, fromBalance, occurredAt);
    }
    return append(
        no,
        position,
        EntryType.BILL_CHARGE,
        fromBalance.negate(),
        bill.amount().subtract(fromBalance),
        "bill:" + period,
        null,
        dedupKey,
        occurredAt);
  }

  /** What part of a credit went to the arrears, and whether the bills it settled were on time. */
  private record Settled(BigDecimal toArrears, boolean onTime) {}

  /**
   * Covers unpaid bills, oldest first, with up to {@code amount} (no more than the arrears).
   *
   * @param payDay the business day of a payment, to tell whether bills were paid on time; null when
   *     that does not matter
   */
  private Settled settleArrears(
      AccountNo no, Position position, BigDecimal amount, Instant occurredAt, LocalDate payDay) {
    BigDecimal toArrears = position.arrears().min(amount);
    boolean onTime = true;
    BigDecimal remaining = toArrears;
    if (remaining.signum() > 0) {
      for (OpenBill bill : ledger.lockOpenBills(no)) {
        BigDecimal take = bill.owed().min(remaining);
        if (take.signum() <= 0) {
          continue;
        }
        cover(bill, bill.settledAmount().add(take), occurredAt);
        onTime &= payDay == null || !payDay.isAfter(bill.dueDate());
        remaining = remaining.subtract(take);
        if (remaining.signum() == 0) {
          break;
        }
      }
    }
    return new Settled(toArrears, onTime);
  }

  private Position lock(AccountNo no) {
    return ledger.lockAccount(no).orElseThrow(() -> new AccountNotFound(no));
  }

  private void cover(OpenBill bill, BigDecimal settled, Instant at) {
    boolean paid = settled.compareTo(bill.amount()) == 0;
    ledger.settleBill(bill.id(), settled, paid, paid ? at : null);
  }

  private LedgerEntry append(
      AccountNo no,
      Position before,
      EntryType type,
      BigDecimal balanceDelta,
      BigDecimal arrearsDelta,
      String reference,
      String outRefundNo,
      String dedupKey,
      Instant occurredAt) {
    BigDecimal balance = before.balance().add(balanceDelta);
    BigDecimal arrears = before.arrears().add(arrearsDelta);
    ledger.updatePosition(no, balance, arrears);
    LedgerEntry entry =
        new LedgerEntry(
            0,
            no,
            type,
            balanceDelta.subtract(arrearsDelta),
            balanceDelta,
            arrearsDelta,
            balance,
            arrears,
            reference,
            occurredAt,
            outRefundNo);
    ledger.insertEntry(entry, dedupKey);
    return ledger.findByDedupKey(dedupKey).orElseThrow();
  }
}
