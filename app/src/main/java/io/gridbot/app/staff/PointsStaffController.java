package io.gridbot.app.staff;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.AccountNotFound;
import io.gridbot.service.account.AccountService;
import io.gridbot.service.points.CatalogueItem;
import io.gridbot.service.points.InsufficientPoints;
import io.gridbot.service.points.PointsEntry;
import io.gridbot.service.points.PointsPage;
import io.gridbot.service.points.PointsService;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff read an account's points, correct them, and read the catalogue. */
@RestController
@RequestMapping("/api/staff")
class PointsStaffController {

  private static final Logger log = LoggerFactory.getLogger(PointsStaffController.class);

  /** As service-core's points allow. */
  static final int MAX_PAGE_SIZE = 100;

  private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9:_.\\-]{1,64}");

  private final PointsService points;
  private final AccountService accounts;

  PointsStaffController(PointsService points, AccountService accounts) {
    this.points = points;
    this.accounts = accounts;
  }

  record EntryView(
      long id,
      int delta,
      String reason,
      String label,
      String reference,
      Instant createdAt,
      Instant expiresAt) {
    static EntryView of(PointsEntry e) {
      return new EntryView(
          e.id(),
          e.delta(),
          e.reason().name(),
          e.reason().label(),
          e.reference(),
          e.createdAt(),
          e.expiresAt());
    }
  }

  /** The balance and one page of the history, latest first. */
  record PointsView(
      String accountNo,
      int balance,
      List<EntryView> history,
      int page,
      int size,
      long total,
      boolean hasNext) {}

  /**
   * A correction.
   *
   * @param delta points to add (positive) or take (negative), not 0
   * @param reference identifies the correction, e.g. a case number; a repeat changes nothing
   */
  record Adjustment(Integer delta, String reference) {}

  /**
   * @param changed the points this request changed; 0 when the reference was used before
   * @param balance the balance afterwards
   */
  record Adjusted(String accountNo, int changed, int balance) {}

  record ItemView(
      String code, String name, String kind, BigDecimal couponAmount, int cost, Integer stock) {
    static ItemView of(CatalogueItem item) {
      return new ItemView(
          item.code(),
          item.name(),
          item.kind().name(),
          item.couponAmount(),
          item.cost(),
          item.stock());
    }
  }

  @GetMapping("/accounts/{accountNo}/points")
  PointsView points(
      @PathVariable String accountNo,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    AccountNo account = existing(accountNo);
    if (page < 0) {
      throw new InvalidField("page", "must not be negative");
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new InvalidField("size", "must be 1 to " + MAX_PAGE_SIZE);
    }
    PointsPage history = points.history(account, page, size);
    return new PointsView(
        account.value(),
        points.balance(account),
        history.entries().stream().map(EntryView::of).toList(),
        history.page(),
        history.size(),
        history.total(),
        history.hasNext());
  }

  @PostMapping("/accounts/{accountNo}/points/adjustments")
  Adjusted adjust(
      @PathVariable String accountNo, @RequestBody Adjustment adjustment, Principal staff) {
    AccountNo account = TagStaffController.accountNo(accountNo, "accountNo");
    if (adjustment.delta() == null || adjustment.delta() == 0) {
      throw new InvalidField("delta", "is required and must not be 0");
    }
    if (adjustment.reference() == null || !REFERENCE.matcher(adjustment.reference()).matches()) {
      throw new InvalidField("reference", "is required, 1 to 64 of [A-Za-z0-9:_.-]");
    }
    int changed;
    try {
      changed = points.adjust(account, adjustment.delta(), adjustment.reference());
    } catch (InsufficientPoints e) {
      throw new InvalidField("delta", e);
    }
    if (changed != 0) {
      log.info(
          "staff {} adjusted the points of account {} by {} ({})",
          staff.getName(),
          account.masked(),
          changed,
          adjustment.reference());
    }
    return new Adjusted(account.value(), changed, points.balance(account));
  }

  @GetMapping("/points/catalogue")
  List<ItemView> catalogue() {
    return points.catalogue().stream().map(ItemView::of).toList();
  }

  private AccountNo existing(String value) {
    AccountNo account = TagStaffController.accountNo(value, "accountNo");
    if (accounts.find(account).isEmpty()) {
      throw new AccountNotFound(account);
    }
    return account;
  }
}
