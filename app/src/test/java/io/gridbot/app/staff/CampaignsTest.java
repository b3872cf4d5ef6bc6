package io.gridbot.app.staff;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.AccountNotFound;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.notification.Notice;
import io.gridbot.service.notification.NotificationPublisher;
import io.gridbot.service.tag.AccountTag;
import io.gridbot.service.tag.CustomerTag;
import io.gridbot.service.tag.TagService;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CampaignsTest {

  private static final Campaign CAMPAIGN =
      Campaign.of("EV_CHARGER", "monthly_bill", "夜间充电", "低谷时段充电更省钱。", "ev-2026");

  /** Accounts 3300000000 + i for i in [0, count), all tagged EV_CHARGER. */
  private static List<AccountNo> accounts(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> new AccountNo(String.valueOf(3_300_000_000L + i)))
        .toList();
  }

  @Test
  void everyTaggedAccountIsPublishedToOnceAcrossPages() {
    // given more tagged accounts than fit in two pages
    List<AccountNo> tagged = accounts(Campaigns.PAGE_SIZE * 2 + 3);
    RecordingPublisher publisher = new RecordingPublisher(Set.of());
    Campaigns campaigns = new Campaigns(new PagedTags(tagged), publisher);

    // when the campaign runs
    int targeted = campaigns.run(CAMPAIGN, "staff");

    // then each account got the campaign's notice exactly once, in order
    assertThat(targeted).isEqualTo(tagged.size());
    assertThat(publisher.accounts).containsExactlyElementsOf(tagged);
    assertThat(publisher.notices)
        .allSatisfy(n -> assertThat(n.key()).isEqualTo("campaign:ev-2026"));
  }

  @Test
  void exactlyOneFullPageEndsWithAnEmptyPage() {
    List<AccountNo> tagged = accounts(Campaigns.PAGE_SIZE);
    PagedTags tags = new PagedTags(tagged);
    RecordingPublisher publisher = new RecordingPublisher(Set.of());

    assertThat(new Campaigns(tags, publisher).run(CAMPAIGN, "staff")).isEqualTo(tagged.size());
    assertThat(tags.calls).isEqualTo(2);
  }

  @Test
  void accountClosedMeanwhileIsSkippedAndNotCounted() {
    List<AccountNo> tagged = accounts(3);
    RecordingPublisher publisher = new RecordingPublisher(Set.of(tagged.get(1)));

    int targeted = new Campaigns(new PagedTags(tagged), publisher).run(CAMPAIGN, "staff");

    assertThat(targeted).isEqualTo(2);
    assertThat(publisher.accounts).containsExactly(tagged.get(0), tagged.get(2));
  }

  @Test
  void noTaggedAccountsTargetsNobody() {
    RecordingPublisher publisher = new RecordingPublisher(Set.of());

    assertThat(new Campaigns(new PagedTags(List.of()), publisher).run(CAMPAIGN, "staff")).isZero();
    assertThat(publisher.accounts).isEmpty();
  }

  /** Serves accountsWithTag from a sorted list, like the mapper's keyset paging. */
  private static final class PagedTags implements TagService {
    private final List<AccountNo> tagged;
    int calls;

    PagedTags(List<AccountNo> tagged) {
      this.tagged = tagged;
    }

    @Override
    public List<AccountNo> accountsWithTag(CustomerTag tag, AccountNo after, int limit) {
      calls++;
      assertThat(tag).isEqualTo(CustomerTag.EV_CHARGER);
      return tagged.stream()
          .filter(a -> after == null || a.value().compareTo(after.value()) > 0)
          .limit(limit)
          .toList();
    }

    @Override
    public Set<CustomerTag> recompute(AccountNo account) {
      throw new UnsupportedOperationException();
    }

    @Override
    public int recomputeAll() {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<AccountTag> tagsOf(AccountNo account) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void addStaffTag(AccountNo account, CustomerTag tag, String staffId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean removeStaffTag(AccountNo account, CustomerTag tag) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<String> tipsFor(AccountNo account) {
      throw new UnsupportedOperationException();
    }
  }

  private static final class RecordingPublisher implements NotificationPublisher {
    private final Set<AccountNo> closed;
    final List<AccountNo> accounts = new ArrayList<>();
    final List<Notice> notices = new ArrayList<>();

    RecordingPublisher(Set<AccountNo> closed) {
      this.closed = closed;
    }

    @Override
    public void toAccount(AccountNo account, Notice notice) {
      if (closed.contains(account)) {
        throw new AccountNotFound(account);
      }
      accounts.add(account);
      notices.add(notice);
    }

    @Override
    public void toUser(ChannelUser user, Notice notice) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void toArea(String areaCodePrefix, Notice notice) {
      throw new UnsupportedOperationException();
    }
  }
}
