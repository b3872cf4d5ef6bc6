package io.gridbot.service.notification;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.AccountNotFound;
import io.gridbot.service.account.AccountService;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.notification.OutboxMapper.NewRow;
import io.gridbot.service.notification.OutboxMapper.OutboxRow;
import io.gridbot.service.notification.RecipientMapper.AreaRecipient;
import io.gridbot.service.subscription.SubscriptionService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes every notice into the outbox ({@code notification_outbox}) in the caller's transaction,
 * then, after the commit, resolves the recipients and enqueues one entry per recipient and marks
 * the notice DONE (an area's fan-out on the {@code fanOuts} executor, so that the committer does
 * not wait for thousands of recipients). A rollback leaves nothing. When the instance dies after
 * the commit or the queue is unreachable, the notice stays PENDING and {@link #relay} (any
 * instance, see {@link OutboxRelay}) enqueues it once its lease has passed; an area fan-out resumes
 * after the last page it recorded. Delivery is deduplicated per recipient and notice key, so
 * enqueueing a recipient twice never tells them twice.
 *
 * <p>Recipients are resolved in a new read-only transaction per page, so that a fan-out to tens of
 * thousands of subscribers never holds them all in memory. Arguments are checked at once, in the
 * caller's transaction. Outside a transaction the notice is written and enqueued at once; a failure
 * to write it is thrown to the caller, a failure to enqueue it is left to the relay.
 */
final class DefaultNotificationPublisher implements NotificationPublisher {

  private static final Logger log = LoggerFactory.getLogger(DefaultNotificationPublisher.class);
  private static final Pattern AREA_PREFIX = Pattern.compile("[A-Za-z0-9-]{2,32}");
  private static final String USER = "USER";
  private static final String ACCOUNT = "ACCOUNT";
  private static final String AREA = "AREA";
  private static final int LOUD_AFTER_ATTEMPTS = 5;

  private final RecipientMapper recipients;
  private final SubscriptionService subscriptions;
  private final AccountService accounts;
  private final NotificationQueue queue;
  private final OutboxMapper outbox;
  private final TransactionTemplate readOnlyNew;
  private final TransactionTemplate writeNew;
  private final int pageSize;
  private final NotificationSettings.Outbox settings;
  private final Backoff backoff;
  private final Executor fanOuts;
  private final Clock clock;

  DefaultNotificationPublisher(
      RecipientMapper recipients,
      SubscriptionService subscriptions,
      AccountService accounts,
      NotificationQueue queue,
      OutboxMapper outbox,
      PlatformTransactionManager transactions,
      int pageSize,
      NotificationSettings.Outbox settings,
      Executor fanOuts,
      Clock clock) {
    this.recipients = recipients;
    this.subscriptions = subscriptions;
    this.accounts = accounts;
    this.queue = queue;
    this.outbox = outbox;
    this.readOnlyNew = new TransactionTemplate(transactions);
    readOnlyNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    readOnlyNew.setReadOnly(true);
    this.writeNew = new TransactionTemplate(transactions);
    writeNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.pageSize = pageSize;
    this.settings = settings;
    this.backoff = new Backoff(settings.retryBase(), settings.retryMax());
    this.fanOuts = fanOuts;
    this.clock = clock;
  }

  @Override
  public void toUser(ChannelUser user, Notice notice) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(notice, "notice");
    record(USER, user.channel(), user.userId(), notice);
  }

  @Override
  public void toAccount(AccountNo account, Notice notice) {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(notice, "notice");
    if (accounts.find(account).isEmpty()) {
      throw new AccountNotFound(account);
    }
    record(ACCOUNT, null, account.value(), notice);
  }

  @Override
  public void toArea(String areaCodePrefix, Notice notice) {
    if (areaCodePrefix == null || !AREA_PREFIX.matcher(areaCodePrefix).matches()) {
      throw new IllegalArgumentException(
          "area code prefix must be 2-32 of [A-Za-z0-9-], got " + areaCodePrefix);
    }
    Objects.requireNonNull(notice, "notice");
    record(AREA, null, areaCodePrefix, notice);
  }

  /**
   * Enqueues the notices other instances left behind: PENDING outbox rows whose lease has passed,
   * each taken by one relay only.
   *
   * @return how many notices this call took (at most {@code limit})
   */
  int relay(int limit) {
    Instant now = clock.instant();
    List<Long> due = outbox.findDue(now, limit);
    int taken = 0;
    for (long id : due) {
      if (outbox.claim(id, now, now.plus(settings.lease())) == 1) {
        taken++;
        deliver(id);
      }
    }
    return taken;
  }

  /** Forgets enqueued notices older than the outbox keeps them; returns how many. */
  int purge() {
    return outbox.deleteDone(clock.instant().minus(settings.keep()));
  }

  /** The notices not yet wholly enqueued. */
  OutboxMapper.Backlog backlog() {
    return outbox.backlog();
  }

  private void record(String kind, String channel, String target, Notice notice) {
    Instant now = clock.instant();
    NewRow row =
        new NewRow(
            kind,
            channel,
            target,
            notice.key(),
            EntryCodec.encodeNotice(notice),
            now.plus(settings.lease()),
            now);
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      if (TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
        // a read-only transaction cannot write; it changes nothing the notice could depend on
        writeNew.executeWithoutResult(s -> outbox.insert(row));
      } else {
        outbox.insert(row);
      }
      long id = row.getId();
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              if (AREA.equals(kind)) {
                // an area may have many thousand recipients: the committer does not wait for them
                try {
                  fanOuts.execute(() -> deliver(id));
                } catch (RejectedExecutionException e) {
                  log.warn(
                      "fan-out of {} left to the outbox relay: {}", notice.key(), e.getMessage());
                }
              } else {
                deliver(id);
              }
            }
          });
    } else {
      writeNew.executeWithoutResult(s -> outbox.insert(row));
      deliver(row.getId());
    }
  }

  /**
   * Enqueues the recipients of one outbox row and marks it DONE; a failure is recorded on the row
   * for the relay to try again, never thrown (the notice is safe in the outbox).
   */
  private void deliver(long id) {
    OutboxRow row;
    try {
      row = readOnlyNew.execute(s -> outbox.find(id));
    } catch (RuntimeException e) {
      log.warn("outbox notice {} could not be read; the relay will enqueue it", id, e);
      return;
    }
    if (row == null || !"PENDING".equals(row.state())) {
      return;
    }
    String target = describe(row);
    Notice notice = null;
    try {
      notice = EntryCodec.decodeNotice(row.notice());
      int count = enqueueRecipients(row, notice);
      writeNew.executeWithoutResult(s -> outbox.done(id, count, clock.instant()));
      log.info("published {} to {}: {} recipients", notice.key(), target, count);
    } catch (RuntimeException e) {
      int attempts = row.attempts() + 1;
      Instant now = clock.instant();
      Instant retryAt = now.plus(backoff.after(attempts));
      String key = notice == null ? "outbox notice " + id : notice.key();
      try {
        writeNew.executeWithoutResult(s -> outbox.failed(id, cut(e), retryAt, now));
      } catch (RuntimeException f) {
        e.addSuppressed(f);
      }
      if (attempts >= LOUD_AFTER_ATTEMPTS) {
        log.error(
            "STAFF: publishing {} to {} failed {} times; still kept in the outbox, next try at {}",
            key,
            target,
            attempts,
            retryAt,
            e);
      } else {
        log.warn(
            "publishing {} to {} failed (attempt {}); kept in the outbox, next try at {}",
            key,
            target,
            attempts,
            retryAt,
            e);
      }
    }
  }

  private int enqueueRecipients(OutboxRow row, Notice notice) {
    switch (row.targetKind()) {
      case USER:
        ChannelUser user = new ChannelUser(row.targetChannel(), row.target());
        boolean subscribed =
            Boolean.TRUE.equals(
                readOnlyNew.execute(s -> subscriptions.isSubscribed(user, notice.kind(), null)));
        if (!subscribed) {
          log.debug("{} not sent: the {} user unsubscribed", notice.key(), user.channel());
          return 0;
        }
        enqueue(List.of(user), notice);
        return 1;
      case ACCOUNT:
        AccountNo account = new AccountNo(row.target());
        List<ChannelUser> users =
            readOnlyNew.execute(
                s -> recipients.findForAccount(account, notice.kind(), onByDefault(notice)));
        enqueue(users, notice);
        return users.size();
      case AREA:
        return fanOut(row, notice);
      default:
        throw new IllegalStateException("unknown outbox target kind " + row.targetKind());
    }
  }

  /** Pages through the area's subscribers after the row's cursor, recording each page. */
  private int fanOut(OutboxRow row, Notice notice) {
    long after = row.cursorId();
    int total = row.recipients();
    while (true) {
      long cursor = after;
      List<AreaRecipient> page =
          readOnlyNew.execute(
              s ->
                  recipients.findForArea(
                      row.target(), notice.kind(), onByDefault(notice), cursor, pageSize));
      if (page.isEmpty()) {
        return total;
      }
      enqueue(page.stream().map(AreaRecipient::user).toList(), notice);
      total += page.size();
      after = page.get(page.size() - 1).bindingId();
      long next = after;
      int sofar = total;
      Instant now = clock.instant();
      writeNew.executeWithoutResult(
          s -> outbox.progress(row.id(), next, sofar, now.plus(settings.lease()), now));
    }
  }

  private void enqueue(List<ChannelUser> users, Notice notice) {
    if (users.isEmpty()) {
      return;
    }
    var at = clock.instant();
    queue.enqueue(users.stream().map(user -> new QueueEntry(user, notice, at)).toList());
  }

  private static boolean onByDefault(Notice notice) {
    return SubscriptionService.ON_BY_DEFAULT.contains(notice.kind());
  }

  private static String describe(OutboxRow row) {
    switch (row.targetKind()) {
      case USER:
        return "a " + row.targetChannel() + " user";
      case ACCOUNT:
        return "account " + new AccountNo(row.target()).masked();
      default:
        return "area " + row.target();
    }
  }

  private static String cut(RuntimeException e) {
    String text = e.getClass().getSimpleName() + ": " + e.getMessage();
    return text.length() <= 200 ? text : text.substring(0, 200);
  }
}
