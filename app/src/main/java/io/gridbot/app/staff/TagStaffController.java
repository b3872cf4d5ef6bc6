package io.gridbot.app.staff;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.AccountNotFound;
import io.gridbot.service.account.AccountService;
import io.gridbot.service.tag.AccountTag;
import io.gridbot.service.tag.CustomerTag;
import io.gridbot.service.tag.TagService;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff read and set customer tags: an account's tags, staff tags on and off, the accounts with a
 * tag (the preview of a campaign) and a recomputation of all rule tags.
 */
@RestController
@RequestMapping("/api/staff")
class TagStaffController {

  static final int MAX_PREVIEW = 1000;

  private final TagService tags;
  private final AccountService accounts;
  private final TagRecompute recompute;

  TagStaffController(TagService tags, AccountService accounts, TagRecompute recompute) {
    this.tags = tags;
    this.accounts = accounts;
    this.recompute = recompute;
  }

  record TagView(String tag, String label, String source, String addedBy, Instant since) {
    static TagView of(AccountTag t) {
      return new TagView(
          t.tag().name(), t.tag().label(), t.source().name(), t.addedBy(), t.since());
    }
  }

  record StaffTagRequest(String tag) {}

  /**
   * One page of the accounts with a tag.
   *
   * @param next pass as {@code after} for the next page; null on the last page
   */
  record AccountsPage(String tag, List<String> accounts, String next) {}

  @GetMapping("/tags/{tag}/accounts")
  AccountsPage accountsWithTag(
      @PathVariable String tag,
      @RequestParam(required = false) String after,
      @RequestParam(defaultValue = "100") int limit) {
    CustomerTag customerTag = Tags.parse(tag, "tag");
    if (limit < 1 || limit > MAX_PREVIEW) {
      throw new InvalidField("limit", "must be 1 to " + MAX_PREVIEW);
    }
    AccountNo from = after == null || after.isEmpty() ? null : accountNo(after, "after");
    List<String> page =
        tags.accountsWithTag(customerTag, from, limit).stream().map(AccountNo::value).toList();
    String next = page.size() == limit ? page.get(page.size() - 1) : null;
    return new AccountsPage(customerTag.name(), page, next);
  }

  @GetMapping("/accounts/{accountNo}/tags")
  List<TagView> tagsOf(@PathVariable String accountNo) {
    return view(existing(accountNo));
  }

  /** Sets a staff tag (again: harmless) and answers the account's tags. */
  @PostMapping("/accounts/{accountNo}/tags")
  List<TagView> addStaffTag(
      @PathVariable String accountNo, @RequestBody StaffTagRequest request, Principal staff) {
    AccountNo account = accountNo(accountNo, "accountNo");
    tags.addStaffTag(account, Tags.parse(request.tag(), "tag"), staff.getName());
    return view(account);
  }

  /** Removes a staff tag; 404 if staff never set it (rule tags stay until the rules drop them). */
  @DeleteMapping("/accounts/{accountNo}/tags/{tag}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void removeStaffTag(@PathVariable String accountNo, @PathVariable String tag) {
    AccountNo account = existing(accountNo);
    CustomerTag customerTag = Tags.parse(tag, "tag");
    if (!tags.removeStaffTag(account, customerTag)) {
      throw new StaffTagNotFound(account, customerTag);
    }
  }

  /** Starts recomputing every account's rule tags in the background. */
  @PostMapping("/tags/recompute")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Map<String, String> recomputeAll(Principal staff) {
    recompute.start(staff.getName());
    return Map.of("status", "started");
  }

  private List<TagView> view(AccountNo account) {
    return tags.tagsOf(account).stream().map(TagView::of).toList();
  }

  /** The account number of an active account; 404 for an unknown or closed one. */
  private AccountNo existing(String value) {
    AccountNo account = accountNo(value, "accountNo");
    if (accounts.find(account).isEmpty()) {
      throw new AccountNotFound(account);
    }
    return account;
  }

  static AccountNo accountNo(String value, String field) {
    if (!AccountNo.isWellFormed(value)) {
      throw new InvalidField(field, "must be 10 or 13 digits");
    }
    return new AccountNo(value);
  }
}
