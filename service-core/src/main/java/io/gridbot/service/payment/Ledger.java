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
        onTime &= !payDay.isAfter(bill.dueDate());
        remaining = remaining.subtract(take);
        if (remaining.signum() == 0) {
          break;
        }
      }
    }
    LedgerEntry entry =
        append(
            no,
            position,
            EntryType.PAYMENT,
            amount.subtract(toArrears),
            toArrears.negate(),
            reference,
            dedupKey,
            occurredAt);
    return new Credit(entry, onTime);
  }

  /**
   * Takes a refund back out of the account: from its balance first; the rest re-opens the most
   * recently covered bills (newest first) and adds to the arrears.
   */
  LedgerEntry reverse(
      AccountNo no, BigDecimal amount, String reference, String dedupKey, Instant occurredAt) {
    Position position = lock(no);
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
        dedupKey,
        occurredAt);
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
            occurredAt);
    ledger.insertEntry(entry, dedupKey);
    return ledger.findByDedupKey(dedupKey).orElseThrow();
  }
}
