package io.gridbot.service.tag;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.AccountNotFound;
import java.util.List;
import java.util.Set;

/**
 * Customer tags per account: computed by rules from the account and its bills ({@link
 * TagSource#RULE}) or set by staff ({@link TagSource#STAFF}). Recomputing replaces the rule tags
 * and never touches staff tags.
 */
public interface TagService {

  /**
   * Computes the account's rule tags from its current data and stores them in place of the old
   * ones. A closed account loses its rule tags.
   *
   * @return the rule tags it has now
   * @throws AccountNotFound if there is no such account
   */
  Set<CustomerTag> recompute(AccountNo account);

  /**
   * Recomputes every account, {@link TagSettings#batchSize()} accounts per transaction. Safe to run
   * while tags are read and while it runs elsewhere.
   *
   * @return how many accounts were recomputed
   */
  int recomputeAll();

  /** The account's tags from both sources, in {@link CustomerTag} order, rules before staff. */
  List<AccountTag> tagsOf(AccountNo account);

  /**
   * Active accounts that have the tag from either source, for campaigns, in account order: pass the
   * last account of a page as {@code after} to get the next page.
   *
   * @param after null for the first page
   * @param limit 1 to 10000
   * @throws IllegalArgumentException if limit is out of range
   */
  List<AccountNo> accountsWithTag(CustomerTag tag, AccountNo after, int limit);

  /**
   * Tags the account on a staff member's word; does nothing if they tagged it so before.
   *
   * @param staffId who did it, 1 to 64 characters, not blank
   * @throws AccountNotFound if the account does not exist or is closed
   */
  void addStaffTag(AccountNo account, CustomerTag tag, String staffId);

  /**
   * Removes a staff tag; rule tags stay.
   *
   * @return whether there was one
   */
  boolean removeStaffTag(AccountNo account, CustomerTag tag);

  /**
   * Short, polite Chinese tips for the customer, one per tag, most pressing first; empty for an
   * account without tags.
   */
  List<String> tipsFor(AccountNo account);
}
