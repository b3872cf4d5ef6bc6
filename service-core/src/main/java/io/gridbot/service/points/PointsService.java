package io.gridbot.service.points;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.AccountNotFound;
import io.gridbot.service.payment.PaymentConfirmed;
import java.time.Instant;
import java.util.List;

/**
 * Loyalty points of electricity accounts: earning, the catalogue, redemptions and expiry.
 *
 * <p>The model: every earning is a lot of points that expires {@link PointsSettings#validity()}
 * after it was earned. Spending takes from the lots that expire first (FIFO), so the points a
 * customer loses to expiry are always their oldest unspent ones. The expiry job writes the unspent
 * rest of each due lot off as an {@link PointsReason#EXPIRE} entry; lots that are due but not yet
 * written off never count towards the balance and are written off before any spending. The balance
 * is never negative. All changes of one account are serialised by a row lock on its points account;
 * earnings, redemptions and expiries are idempotent through unique references.
 *
 * <p>Request ids and references are 1 to 64 characters of {@code [A-Za-z0-9:_.-]}; anything else is
 * rejected with an {@link IllegalArgumentException}.
 */
public interface PointsService {

  /**
   * Credits what a confirmed payment earns (see {@link PointsSettings}): points per yuan and the
   * on-time bonus, once per outTradeNo, and the online bonus once per account and month. Joins the
   * caller's transaction. A payment of an unknown or closed account earns nothing.
   *
   * @return the points credited by this call; 0 when the payment was credited before
   */
  int earnForPayment(PaymentConfirmed payment);

  /**
   * Credits {@link PointsSettings#onlineServicePoints()} for one use of an online service, once per
   * reference (e.g. {@code appointment:A20261127001}).
   *
   * @return the points credited by this call; 0 when the reference was credited before
   * @throws AccountNotFound if the account does not exist or is closed
   * @throws PointsReferenceConflict if the reference was credited to another account
   */
  int earnForOnlineService(AccountNo account, String reference);

  /**
   * Corrects an account's points by staff decision, once per reference. Positive adjustments are
   * lots that expire like earned points; negative ones are spent FIFO.
   *
   * @param delta not 0
   * @return the points changed by this call; 0 when the reference was used before
   * @throws AccountNotFound if the account does not exist or is closed
   * @throws InsufficientPoints if a negative adjustment exceeds the balance
   * @throws PointsReferenceConflict if the reference was used for another account or amount
   */
  int adjust(AccountNo account, int delta, String reference);

  /** The account's points that can be spent now; 0 for an account that never earned any. */
  int balance(AccountNo account);

  /**
   * The account's history, latest first.
   *
   * @param page from 0
   * @param size 1 to 100
   * @throws IllegalArgumentException if page or size is out of range
   */
  PointsPage history(AccountNo account, int page, int size);

  /** The active catalogue items in display order, including ones out of stock. */
  List<CatalogueItem> catalogue();

  /**
   * Exchanges points for {@code quantity} units of an item: checks the balance and the stock and
   * takes both, atomically. A coupon item gets a coupon code and is used at once: its amount
   * (per-unit amount times quantity) is credited to the account through the ledger ({@link
   * io.gridbot.service.payment.LedgerService#creditCoupon}: unpaid bills oldest first, the rest to
   * the prepaid balance) and the redemption is {@link RedemptionStatus#USED}, all in one
   * transaction. A gift stays {@link RedemptionStatus#ISSUED} until handed over. Tells the
   * account's subscribers. Calling it again with the same request id returns the first redemption
   * unchanged and credits nothing more.
   *
   * @param requestId the caller's idempotency key, e.g. a UUID made when the customer confirmed
   * @throws AccountNotFound if the account does not exist or is closed
   * @throws PointsItemNotFound if no active item has the code
   * @throws QuantityNotAllowed if quantity is below 1 or above {@link PointsSettings#maxQuantity()}
   * @throws InsufficientPoints if the balance does not cover cost times quantity
   * @throws PointsItemOutOfStock if fewer units are left
   * @throws PointsReferenceConflict if the request id was used for another account, item or
   *     quantity
   */
  Redemption redeem(AccountNo account, String itemCode, int quantity, String requestId);

  /** The account's redemptions, latest first; empty if there are none. */
  List<Redemption> redemptions(AccountNo account);

  /**
   * Marks an issued redemption used: its gift was handed over, or its coupon (one issued before
   * coupons were credited when redeemed) is credited to the account through the ledger now, once.
   *
   * @throws AccountNotFound if an issued coupon's account does not exist or is closed
   * @throws RedemptionNotFound if no redemption has the request id
   * @throws RedemptionTransitionNotAllowed if it is not {@link RedemptionStatus#ISSUED}
   */
  Redemption markUsed(String requestId);

  /**
   * Cancels an issued redemption (a gift not handed over yet; a redeemed coupon is USED and cannot
   * be cancelled): refunds its points (an {@link PointsReason#ADJUST} lot with a fresh validity)
   * and puts the units back in stock. Tells the account's subscribers.
   *
   * @throws RedemptionNotFound if no redemption has the request id
   * @throws RedemptionTransitionNotAllowed if it is not {@link RedemptionStatus#ISSUED}
   */
  Redemption cancel(String requestId);

  /**
   * Writes off the unspent points of every lot that expires at or before {@code asOf}, one account
   * per transaction. Safe to run again and concurrently: a lot is written off once.
   */
  ExpiryRun expire(Instant asOf);
}
