package io.gridbot.app.staff;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.AccountNotFound;
import io.gridbot.service.notification.Notice;
import io.gridbot.service.notification.NotificationPublisher;
import io.gridbot.service.tag.TagService;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs campaigns: pages through the accounts with the campaign's tag and publishes its notice to
 * each. Publishing only enqueues; the subscribers are resolved and the notices delivered
 * asynchronously, deduplicated per recipient and notice key (so a user bound to two tagged
 * accounts, or a campaign run twice, tells each user once).
 */
@Component
class Campaigns {

  static final int PAGE_SIZE = 500;

  private static final Logger log = LoggerFactory.getLogger(Campaigns.class);

  private final TagService tags;
  private final NotificationPublisher publisher;

  Campaigns(TagService tags, NotificationPublisher publisher) {
    this.tags = tags;
    this.publisher = publisher;
  }

  /**
   * Publishes the campaign to every active account with its tag.
   *
   * @param staffId who ran it, for the log
   * @return how many accounts were targeted
   */
  int run(Campaign campaign, String staffId) {
    Notice notice = campaign.notice();
    int targeted = 0;
    AccountNo after = null;
    List<AccountNo> page;
    do {
      page = tags.accountsWithTag(campaign.tag(), after, PAGE_SIZE);
      for (AccountNo account : page) {
        try {
          publisher.toAccount(account, notice);
          targeted++;
        } catch (AccountNotFound closedMeanwhile) {
          log.debug("{}: account {} closed meanwhile", notice.key(), account.masked());
        }
      }
      if (!page.isEmpty()) {
        after = page.get(page.size() - 1);
      }
    } while (page.size() == PAGE_SIZE);
    log.info(
        "staff {} ran {} ({} to {}): {} accounts targeted",
        staffId,
        notice.key(),
        campaign.kind(),
        campaign.tag(),
        targeted);
    return targeted;
  }
}
