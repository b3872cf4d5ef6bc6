package io.gridbot.service.tag;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.AccountNotFound;
import io.gridbot.service.tag.TagMapper.RuleTag;
import io.gridbot.service.tag.TagRules.AccountFacts;
import io.gridbot.service.tag.TagRules.BillFacts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputing writes only the difference between the stored and the computed rule tags, without
 * locking accounts: two recomputes of one account at the same time compute the same tags, and an
 * insert that loses the race to the other is skipped as a duplicate.
 */
@Service
@Transactional
class DefaultTagService implements TagService {

  static final int MAX_LIMIT = 10_000;

  private static final Logger log = LoggerFactory.getLogger(DefaultTagService.class);

  private final TagMapper tags;
  private final TagSettings settings;
  private final TagRules rules;
  private final TransactionTemplate batchTransaction;

  DefaultTagService(
      TagMapper tags, TagSettings settings, PlatformTransactionManager transactionManager) {
    this.tags = tags;
    this.settings = settings;
    this.rules = new TagRules(settings);
    this.batchTransaction = new TransactionTemplate(transactionManager);
    this.batchTransaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
  }

  @Override
  public Set<CustomerTag> recompute(AccountNo account) {
    Objects.requireNonNull(account, "account");
    AccountFacts facts = tags.findAccount(account).orElseThrow(() -> new AccountNotFound(account));
    Set<CustomerTag> computed = recomputeBatch(List.of(facts)).get(account);
    log.info("account {} has rule tags {}", account.masked(), computed);
    return computed;
  }

  @Override
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public int recomputeAll() {
    int accounts = 0;
    AccountNo after = null;
    List<AccountFacts> batch;
    while (!(batch = tags.findAccountsAfter(after, settings.batchSize())).isEmpty()) {
      List<AccountFacts> current = batch;
      batchTransaction.executeWithoutResult(status -> recomputeBatch(current));
      accounts += batch.size();
      after = batch.get(batch.size() - 1).accountNo();
    }
    log.info("recomputed the rule tags of {} accounts", accounts);
    return accounts;
  }

  @Override
  @Transactional(readOnly = true)
  public List<AccountTag> tagsOf(AccountNo account) {
    return tags.findTags(Objects.requireNonNull(account, "account")).stream()
        .sorted(Comparator.comparing(AccountTag::tag).thenComparing(AccountTag::source))
        .toList();
  }

  @Override
  @Transactional(readOnly = true)
  public List<AccountNo> accountsWithTag(CustomerTag tag, AccountNo after, int limit) {
    Objects.requireNonNull(tag, "tag");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", got " + limit);
    }
    return tags.findAccountsWithTag(tag, after, limit);
  }

  @Override
  public void addStaffTag(AccountNo account, CustomerTag tag, String staffId) {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(tag, "tag");
    if (staffId == null || staffId.isBlank() || staffId.length() > 64) {
      throw new IllegalArgumentException("staff id must be 1 to 64 characters and not blank");
    }
    AccountFacts facts = tags.findAccount(account).orElseThrow(() -> new AccountNotFound(account));
    if (!facts.active()) {
      throw new AccountNotFound(account);
    }
    try {
      tags.insertStaffTag(account, tag, staffId, now());
      log.info("staff {} tagged account {} {}", staffId, account.masked(), tag);
    } catch (DuplicateKeyException taggedBefore) {
      // idempotent: the tag is there
    }
  }

  @Override
  public boolean removeStaffTag(AccountNo account, CustomerTag tag) {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(tag, "tag");
    boolean removed = tags.deleteStaffTag(account, tag) > 0;
    if (removed) {
      log.info("staff tag {} removed from account {}", tag, account.masked());
    }
    return removed;
  }

  @Override
  @Transactional(readOnly = true)
  public List<String> tipsFor(AccountNo account) {
    return tagsOf(account).stream().map(AccountTag::tag).distinct().map(CustomerTag::tip).toList();
  }

  /** Computes and stores the rule tags of the accounts; returns them per account. */
  private Map<AccountNo, Set<CustomerTag>> recomputeBatch(List<AccountFacts> accounts) {
    List<AccountNo> numbers = accounts.stream().map(AccountFacts::accountNo).toList();
    Map<AccountNo, List<BillFacts>> bills =
        tags.findLatestBills(numbers, TagSettings.BILLS_READ).stream()
            .collect(Collectors.groupingBy(BillFacts::accountNo));
    Set<RuleTag> stored = new HashSet<>(tags.findRuleTags(numbers));
    LocalDate today = LocalDate.now(settings.zone());
    Map<AccountNo, Set<CustomerTag>> computed = new HashMap<>();
    Set<RuleTag> wanted = new HashSet<>();
    for (AccountFacts account : accounts) {
      Set<CustomerTag> accountTags =
          rules.evaluate(account, bills.getOrDefault(account.accountNo(), List.of()), today);
      computed.put(account.accountNo(), accountTags);
      accountTags.forEach(tag -> wanted.add(new RuleTag(account.accountNo(), tag)));
    }
    List<RuleTag> removed = stored.stream().filter(t -> !wanted.contains(t)).toList();
    List<RuleTag> added = wanted.stream().filter(t -> !stored.contains(t)).toList();
    if (!removed.isEmpty()) {
      tags.deleteRuleTags(removed);
    }
    if (!added.isEmpty()) {
      insertSkippingDuplicates(added);
    }
    return computed;
  }

  private void insertSkippingDuplicates(List<RuleTag> added) {
    Instant now = now();
    try {
      tags.insertRuleTags(added, now);
    } catch (DuplicateKeyException concurrentRecompute) {
      for (RuleTag tag : added) {
        try {
          tags.insertRuleTags(List.of(tag), now);
        } catch (DuplicateKeyException insertedMeanwhile) {
          // the other recompute wrote the same tag
        }
      }
    }
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }
}
