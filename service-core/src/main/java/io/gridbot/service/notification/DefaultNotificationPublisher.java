package io.gridbot.service.notification;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.AccountNotFound;
import io.gridbot.service.account.AccountService;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.notification.RecipientMapper.AreaRecipient;
import io.gridbot.service.subscription.SubscriptionService;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Resolves recipients and enqueues one entry per recipient. Inside a transaction, the work is
 * registered to run after the commit (and dropped on rollback); recipients are then resolved in a
 * new read-only transaction per page, so that a fan-out to tens of thousands of subscribers never
 * holds them all in memory. Arguments are checked at once, in the caller's transaction.
 *
 * <p>Limitation: the enqueueing after the commit is not itself durable. If the process dies or the
 * queue is unreachable at that moment, the rest of the fan-out is logged as an error with the
 * notice key and must be published again (delivery deduplication makes that safe). Outside a
 * transaction the work runs at once and such failures are thrown to the caller.
 */
final class DefaultNotificationPublisher implements NotificationPublisher {

  private static final Logger log = LoggerFactory.getLogger(DefaultNotificationPublisher.class);
  private static final Pattern AREA_PREFIX = Pattern.compile("[A-Za-z0-9-]{2,32}");

  private final RecipientMapper recipients;
  private final SubscriptionService subscriptions;
  private final AccountService accounts;
  private final NotificationQueue queue;
  private final TransactionTemplate readOnlyNew;
  private final int pageSize;
  private final Clock clock;

  DefaultNotificationPublisher(
      RecipientMapper recipients,
      SubscriptionService subscriptions,
      AccountService accounts,
      NotificationQueue queue,
      PlatformTransactionManager transactions,
      int pageSize,
      Clock clock) {
    this.recipients = recipients;
    this.subscriptions = subscriptions;
    this.accounts = accounts;
    this.queue = queue;
    this.readOnlyNew = new TransactionTemplate(transactions);
    readOnlyNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    readOnlyNew.setReadOnly(true);
    this.pageSize = pageSize;
    this.clock = clock;
  }

  @Override
  public void toUser(ChannelUser user, Notice notice) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(notice, "notice");
    afterCommit(
        notice,
        "a " + user.channel() + " user",
        () -> {
          boolean subscribed =
              Boolean.TRUE.equals(
                  readOnlyNew.execute(s -> subscriptions.isSubscribed(user, notice.kind(), null)));
          if (subscribed) {
            enqueue(List.of(user), notice);
          } else {
            log.debug("{} not sent: the {} user unsubscribed", notice.key(), user.channel());
          }
          return subscribed ? 1 : 0;
        });
  }

  @Override
  public void toAccount(AccountNo account, Notice notice) {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(notice, "notice");
    if (accounts.find(account).isEmpty()) {
      throw new AccountNotFound(account);
    }
    afterCommit(
        notice,
        "account " + account.masked(),
        () -> {
          List<ChannelUser> users =
              readOnlyNew.execute(
                  s -> recipients.findForAccount(account, notice.kind(), onByDefault(notice)));
          enqueue(users, notice);
          return users.size();
        });
  }

  @Override
  public void toArea(String areaCodePrefix, Notice notice) {
    if (areaCodePrefix == null || !AREA_PREFIX.matcher(areaCodePrefix).matches()) {
      throw new IllegalArgumentException(
          "area code prefix must be 2-32 of [A-Za-z0-9-], got " + areaCodePrefix);
    }
    Objects.requireNonNull(notice, "notice");
    afterCommit(notice, "area " + areaCodePrefix, () -> fanOut(areaCodePrefix, notice));
  }

  private int fanOut(String areaCodePrefix, Notice notice) {
    long after = 0;
    int total = 0;
    while (true) {
      long cursor = after;
      List<AreaRecipient> page =
          readOnlyNew.execute(
              s ->
                  recipients.findForArea(
                      areaCodePrefix, notice.kind(), onByDefault(notice), cursor, pageSize));
      if (page.isEmpty()) {
        return total;
      }
      enqueue(page.stream().map(AreaRecipient::user).toList(), notice);
      total += page.size();
      after = page.get(page.size() - 1).bindingId();
    }
  }

  private void enqueue(List<ChannelUser> users, Notice notice) {
    var at = clock.instant();
    queue.enqueue(users.stream().map(user -> new QueueEntry(user, notice, at)).toList());
  }

  private static boolean onByDefault(Notice notice) {
    return SubscriptionService.ON_BY_DEFAULT.contains(notice.kind());
  }

  private void afterCommit(Notice notice, String target, Publication publication) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              try {
                run(notice, target, publication);
              } catch (RuntimeException e) {
                // the caller's transaction has committed: do not fail it, leave a trace for staff
                log.error("publishing {} to {} failed; publish it again", notice.key(), target, e);
              }
            }
          });
    } else {
      run(notice, target, publication);
    }
  }

  private static void run(Notice notice, String target, Publication publication) {
    int count = publication.publish();
    log.info("published {} to {}: {} recipients", notice.key(), target, count);
  }

  @FunctionalInterface
  private interface Publication {
    int publish();
  }
}
