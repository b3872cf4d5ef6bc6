package io.gridbot.service.points;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.AccountNotFound;
import io.gridbot.service.notification.NotificationPublisher;
import io.gridbot.service.payment.LedgerEntry;
import io.gridbot.service.payment.LedgerService;
import io.gridbot.service.payment.PaymentConfirmed;
import io.gridbot.service.points.EarningRules.Earning;
import io.gridbot.service.points.Lots.Lot;
import io.gridbot.service.points.PointsCatalogueMapper.NewRedemption;
import io.gridbot.service.points.PointsMapper.NewEntry;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every change of an account's points runs while its points_account row is locked, so changes of
 * one account are serial and each reads the balance and lots as the previous one left them. READ
 * COMMITTED makes plain reads after the lock see what committed before it (and keeps InnoDB from
 * taking gap locks); the lots are read with FOR UPDATE as well, which is current under any
 * isolation, so earning inside a caller's transaction stays correct. Lock order: account row (only
 * when a coupon is credited, as a confirmed payment locks it before it earns points), points
 * account, then redemption, then catalogue item, then bills (the ledger's).
 *
 * <p>A coupon is used as soon as it is redeemed: its amount is credited to the account through the
 * ledger ({@link LedgerService#creditCoupon}) and the redemption becomes USED, in the transaction
 * of the redemption.
 */
@Service
@Transactional(isolation = Isolation.READ_COMMITTED)
class DefaultPointsService implements PointsService {

  static final int MAX_PAGE_SIZE = 100;

  private static final Logger log = LoggerFactory.getLogger(DefaultPointsService.class);

  private final PointsMapper points;
  private final PointsCatalogueMapper catalogue;
  private final NotificationPublisher notifications;
  private final LedgerService ledger;
  private final PointsSettings settings;
  private final EarningRules rules;
  private final TransactionTemplate accountTransaction;

  DefaultPointsService(
      PointsMapper points,
      PointsCatalogueMapper catalogue,
      NotificationPublisher notifications,
      LedgerService ledger,
      PointsSettings settings,
      PlatformTransactionManager transactionManager) {
    this.points = points;
    this.catalogue = catalogue;
    this.notifications = notifications;
    this.ledger = ledger;
    this.settings = settings;
    this.rules = new EarningRules(settings);
    this.accountTransaction = new TransactionTemplate(transactionManager);
    this.accountTransaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
  }

  @Override
  public int earnForPayment(PaymentConfirmed payment) {
    Objects.requireNonNull(payment, "payment");
    AccountNo account = payment.accountNo();
    List<Earning> earnings = rules.forPayment(payment);
    if (earnings.isEmpty()) {
      return 0;
    }
    if (!points.isActiveAccount(account)) {
      log.warn(
          "payment {} earns no points: account {} is unknown or closed",
          payment.outTradeNo(),
          account.masked());
      return 0;
    }
    lockOrOpen(account);
    Instant now = now();
    int credited = 0;
    for (Earning earning : earnings) {
      if (credit(account, earning.reason(), earning.reference(), earning.points(), now)) {
        credited += earning.points();
      }
    }
    log.info(
        "account {} earned {} points for payment {}",
        account.masked(),
        credited,
        payment.outTradeNo());
    return credited;
  }

  @Override
  public int earnForOnlineService(AccountNo account, String reference) {
    Objects.requireNonNull(account, "account");
    References.require(reference, "reference");
    int earned = settings.onlineServicePoints();
    requireActive(account);
    lockOrOpen(account);
    if (earned == 0 || alreadyWritten(PointsReason.EARN_ONLINE, reference, account, null)) {
      return 0;
    }
    if (!credit(account, PointsReason.EARN_ONLINE, reference, earned, now())) {
      throw new PointsReferenceConflict(reference, account); // written meanwhile for another
    }
    log.info(
        "account {} earned {} points for online service {}", account.masked(), earned, reference);
    return earned;
  }

  @Override
  public int adjust(AccountNo account, int delta, String reference) {
    Objects.requireNonNull(account, "account");
    if (delta == 0) {
      throw new IllegalArgumentException("an adjustment must change the balance, delta was 0");
    }
    References.require(reference, "reference");
    requireActive(account);
    int balance = lockOrOpen(account);
    if (alreadyWritten(PointsReason.ADJUST, reference, account, delta)) {
      return 0;
    }
    Instant now = now();
    if (delta > 0) {
      if (!credit(account, PointsReason.ADJUST, reference, delta, now)) {
        throw new PointsReferenceConflict(reference, account);
      }
    } else {
      balance -= expireDue(account, now, now).points();
      if (balance < -delta) {
        throw new InsufficientPoints(account, balance, -delta);
      }
      spend(account, -delta, PointsReason.ADJUST, reference, now);
    }
    log.info("account {} points adjusted by {}, reference {}", account.masked(), delta, reference);
    return delta;
  }

  @Override
  @Transactional(readOnly = true)
  public int balance(AccountNo account) {
    Objects.requireNonNull(account, "account");
    return Math.max(0, points.spendableBalance(account, now()).orElse(0));
  }

  @Override
  @Transactional(readOnly = true)
  public PointsPage history(AccountNo account, int page, int size) {
    Objects.requireNonNull(account, "account");
    if (page < 0) {
      throw new IllegalArgumentException("page must not be negative, got " + page);
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException("size must be 1 to " + MAX_PAGE_SIZE + ", got " + size);
    }
    List<PointsEntry> entries = points.findHistory(account, Math.multiplyExact(page, size), size);
    return new PointsPage(entries, page, size, points.countEntries(account));
  }

  @Override
  @Transactional(readOnly = true)
  public List<CatalogueItem> catalogue() {
    return catalogue.findActiveItems();
  }

  @Override
  public Redemption redeem(AccountNo account, String itemCode, int quantity, String requestId) {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(itemCode, "itemCode");
    References.require(requestId, "requestId");
    if (quantity < 1 || quantity > settings.maxQuantity()) {
      throw new QuantityNotAllowed(quantity, settings.maxQuantity());
    }
    Optional<Redemption> earlier = catalogue.findRedemption(requestId);
    if (earlier.isPresent()) {
      return sameRequest(earlier.get(), account, itemCode, quantity);
    }
    requireActive(account);
    CatalogueItem item =
        catalogue.findActiveItem(itemCode).orElseThrow(() -> new PointsItemNotFound(itemCode));
    int cost = Math.multiplyExact(item.cost(), quantity);
    if (!points.hasPointsAccount(account)) {
      throw new InsufficientPoints(account, 0, cost);
    }
    boolean coupon = item.kind() == ItemKind.COUPON;
    if (coupon && points.lockActiveAccount(account).isEmpty()) {
      throw new AccountNotFound(account); // closed meanwhile
    }
    int balance = points.lockBalance(account).orElseThrow();
    // the same request may have committed while this one waited for the lock
    earlier = catalogue.findRedemption(requestId);
    if (earlier.isPresent()) {
      return sameRequest(earlier.get(), account, itemCode, quantity);
    }
    Instant now = now();
    balance -= expireDue(account, now, now).points();
    if (balance < cost) {
      throw new InsufficientPoints(account, balance, cost);
    }
    if (catalogue.takeStock(itemCode, quantity) == 0) {
      throw new PointsItemOutOfStock(itemCode, quantity);
    }
    spend(account, cost, PointsReason.REDEEM, requestId, now);
    BigDecimal couponAmount =
        coupon ? item.couponAmount().multiply(BigDecimal.valueOf(quantity)) : null;
    catalogue.insertRedemption(
        new NewRedemption(
            requestId,
            account,
            itemCode,
            item.name(),
            quantity,
            cost,
            coupon ? CouponCodes.next() : null,
            couponAmount,
            RedemptionStatus.ISSUED,
            now));
    Redemption redemption = catalogue.findRedemption(requestId).orElseThrow();
    if (coupon) {
      redemption = use(redemption, now);
    }
    notifications.toAccount(account, RedemptionNotices.issued(redemption));
    log.info(
        "account {} redeemed {} x{} for {} points, request {}",
        account.masked(),
        itemCode,
        quantity,
        cost,
        requestId);
    return redemption;
  }

  @Override
  @Transactional(readOnly = true)
  public List<Redemption> redemptions(AccountNo account) {
    return catalogue.findRedemptions(Objects.requireNonNull(account, "account"));
  }

  @Override
  public Redemption markUsed(String requestId) {
    References.require(requestId, "requestId");
    Redemption found =
        catalogue.findRedemption(requestId).orElseThrow(() -> new RedemptionNotFound(requestId));
    if (found.couponAmount() != null && points.lockActiveAccount(found.accountNo()).isEmpty()) {
      throw new AccountNotFound(found.accountNo());
    }
    Redemption redemption = catalogue.lockRedemption(requestId).orElseThrow();
    return use(redemption, now());
  }

  /**
   * Moves an issued redemption to USED; a coupon's amount is credited to its account through the
   * ledger first. The caller holds the account row's lock for a coupon.
   */
  private Redemption use(Redemption redemption, Instant now) {
    String requestId = redemption.requestId();
    move(redemption, RedemptionStatus.USED, now);
    if (redemption.couponAmount() != null) {
      LedgerEntry credit =
          ledger.creditCoupon(redemption.accountNo(), redemption.couponAmount(), requestId);
      log.info(
          "coupon {} of account {}: {} yuan credited, ledger entry {}",
          requestId,
          redemption.accountNo().masked(),
          redemption.couponAmount(),
          credit.id());
    }
    log.info("redemption {} used", requestId);
    return catalogue.findRedemption(requestId).orElseThrow();
  }

  @Override
  public Redemption cancel(String requestId) {
    References.require(requestId, "requestId");
    AccountNo account =
        catalogue
            .findRedemption(requestId)
            .orElseThrow(() -> new RedemptionNotFound(requestId))
            .accountNo();
    points.lockBalance(account).orElseThrow();
    Redemption redemption = catalogue.lockRedemption(requestId).orElseThrow();
    Instant now = now();
    move(redemption, RedemptionStatus.CANCELLED, now);
    catalogue.returnStock(redemption.itemCode(), redemption.quantity());
    if (!credit(account, PointsReason.ADJUST, "refund:" + requestId, redemption.points(), now)) {
      throw new IllegalStateException("redemption " + requestId + " was refunded before");
    }
    Redemption cancelled = catalogue.findRedemption(requestId).orElseThrow();
    notifications.toAccount(account, RedemptionNotices.cancelled(cancelled));
    log.info(
        "redemption {} of account {} cancelled, {} points refunded",
        requestId,
        account.masked(),
        redemption.points());
    return cancelled;
  }

  @Override
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public ExpiryRun expire(Instant asOf) {
    Objects.requireNonNull(asOf, "asOf");
    int accounts = 0;
    int lots = 0;
    long expired = 0;
    AccountNo after = null;
    List<AccountNo> batch;
    while (!(batch = points.findAccountsWithDueLots(asOf, after, settings.expiryBatchSize()))
        .isEmpty()) {
      for (AccountNo account : batch) {
        Expired result =
            accountTransaction.execute(
                status -> {
                  points.lockBalance(account).orElseThrow();
                  return expireDue(account, asOf, now());
                });
        if (result.lots() > 0) {
          accounts++;
          lots += result.lots();
          expired += result.points();
        }
      }
      after = batch.get(batch.size() - 1);
    }
    log.info(
        "points expiry as of {}: {} points of {} lots in {} accounts",
        asOf,
        expired,
        lots,
        accounts);
    return new ExpiryRun(accounts, lots, expired);
  }

  private record Expired(int lots, int points) {}

  /**
   * Writes off the unspent rest of the account's lots due at {@code asOf}. The caller holds the
   * points account lock.
   */
  private Expired expireDue(AccountNo account, Instant asOf, Instant now) {
    List<Lot> due = points.lockDueLots(account, asOf);
    int total = 0;
    for (Lot lot : due) {
      points.insertEntry(
          new NewEntry(
              account, -lot.remaining(), PointsReason.EXPIRE, "lot:" + lot.id(), now, null, null));
      points.setRemaining(lot.id(), 0);
      total += lot.remaining();
    }
    if (total > 0) {
      changeBalance(account, -total, now);
      log.info("account {}: {} points of {} lots expired", account.masked(), total, due.size());
    }
    return new Expired(due.size(), total);
  }

  /** The balance, locking the points account; opens one with 0 points if there is none yet. */
  private int lockOrOpen(AccountNo account) {
    if (!points.hasPointsAccount(account)) {
      try {
        points.insertPointsAccount(account, now());
      } catch (DuplicateKeyException openedMeanwhile) {
        // another transaction opened it first: fine, lock that one
      }
    }
    return points.lockBalance(account).orElseThrow();
  }

  /**
   * Credits a lot unless (reason, reference) was written before. The caller holds the lock.
   *
   * @return whether it was credited
   */
  private boolean credit(
      AccountNo account, PointsReason reason, String reference, int delta, Instant now) {
    try {
      points.insertEntry(
          new NewEntry(account, delta, reason, reference, now, expiryOf(now), delta));
    } catch (DuplicateKeyException writtenBefore) {
      return false;
    }
    changeBalance(account, delta, now);
    return true;
  }

  /** Spends {@code amount} points FIFO; the caller holds the lock and checked the balance. */
  private void spend(
      AccountNo account, int amount, PointsReason reason, String reference, Instant now) {
    try {
      points.insertEntry(new NewEntry(account, -amount, reason, reference, now, null, null));
    } catch (DuplicateKeyException usedByAnotherAccount) {
      throw new PointsReferenceConflict(reference, account);
    }
    for (Lot lot : Lots.consume(points.lockOpenLots(account), amount)) {
      points.setRemaining(lot.id(), lot.remaining());
    }
    changeBalance(account, -amount, now);
  }

  private void changeBalance(AccountNo account, int delta, Instant now) {
    if (points.addToBalance(account, delta, now) != 1) {
      throw new IllegalStateException(
          "points balance of account " + account.masked() + " cannot change by " + delta);
    }
  }

  /**
   * Whether (reason, reference) was written for this account (and, if {@code delta} is given, this
   * amount) already.
   *
   * @throws PointsReferenceConflict if it was written for another account or amount
   */
  private boolean alreadyWritten(
      PointsReason reason, String reference, AccountNo account, Integer delta) {
    Optional<PointsEntry> earlier = points.findEntry(reason, reference);
    if (earlier.isEmpty()) {
      return false;
    }
    PointsEntry entry = earlier.get();
    if (!entry.accountNo().equals(account) || (delta != null && entry.delta() != delta)) {
      throw new PointsReferenceConflict(reference, account);
    }
    return true;
  }

  private static Redemption sameRequest(
      Redemption earlier, AccountNo account, String itemCode, int quantity) {
    if (!earlier.accountNo().equals(account)
        || !earlier.itemCode().equals(itemCode)
        || earlier.quantity() != quantity) {
      throw new PointsReferenceConflict(earlier.requestId(), account);
    }
    return earlier;
  }

  private void move(Redemption redemption, RedemptionStatus to, Instant now) {
    if (!redemption.status().canBecome(to)) {
      throw new RedemptionTransitionNotAllowed(redemption.requestId(), redemption.status(), to);
    }
    if (catalogue.changeStatus(redemption.id(), redemption.status(), to, now) != 1) {
      throw new IllegalStateException(
          "redemption " + redemption.requestId() + " changed meanwhile");
    }
  }

  private void requireActive(AccountNo account) {
    if (!points.isActiveAccount(account)) {
      throw new AccountNotFound(account);
    }
  }

  private Instant expiryOf(Instant earnedAt) {
    return earnedAt.atOffset(ZoneOffset.UTC).plus(settings.validity()).toInstant();
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }
}
