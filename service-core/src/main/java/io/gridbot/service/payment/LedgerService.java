package io.gridbot.service.payment;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.AccountNotFound;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * The ledger of account money. Every change of an account's balance or arrears made by service-core
 * is one {@link LedgerEntry}, written in the same transaction as the change, so an account's
 * position can always be recomputed from its entries.
 */
public interface LedgerService {

  /**
   * The account's position as the sums of its entries' deltas; equals the account row as long as
   * nothing changed the account outside the ledger. Zero for an account without entries.
   */
  Position derivedPosition(AccountNo no);

  /** The account's entries, oldest first. */
  List<LedgerEntry> entries(AccountNo no);

  /**
   * Charges an issued, unpaid bill to the account: what its balance covers settles the bill (paid
   * when covered in full), the rest adds to its arrears. Charging the same bill again returns the
   * first entry and changes nothing.
   *
   * @throws AccountNotFound if the account does not exist
   * @throws BillNotChargeable if there is no unpaid, uncovered bill for the period
   */
  LedgerEntry chargeBill(AccountNo no, YearMonth period);

  /**
   * Credits a redeemed points coupon to the account as a payment is credited: unpaid bills are
   * settled oldest first, the rest raises the prepaid balance. One {@link EntryType#COUPON} entry
   * per request id (dedup key {@code coupon:<requestId>}): calling again with the same request id
   * returns the first entry and changes nothing. Joins the caller's transaction, so the credit
   * commits or rolls back with the redemption.
   *
   * @param amount positive, at most two decimals
   * @param requestId the redemption's request id, 1 to 64 characters
   * @throws AccountNotFound if the account does not exist
   * @throws IllegalArgumentException if the amount or the request id is not valid
   * @throws IllegalStateException if the request id was credited to another account or amount
   */
  LedgerEntry creditCoupon(AccountNo no, BigDecimal amount, String requestId);
}
