package io.gridbot.app.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.service.notification.Notice;
import io.gridbot.service.tag.CustomerTag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CampaignTest {

  private static Campaign campaign(String tag, String kind, String title, String text, String key) {
    return Campaign.of(tag, kind, title, text, key);
  }

  @Test
  void noticeIsKeyedByCampaignNotUrgentAndOfTheNamedKind() {
    // given a valid campaign
    Campaign campaign =
        campaign("PEAK_HEAVY", "monthly_bill", " 峰谷电价 ", "低谷用电更省钱。", "campaign-2026-12-peak");

    // when its notice is made
    Notice notice = campaign.notice();

    // then it carries the campaign's key under its own namespace, never urgent
    assertThat(campaign.tag()).isEqualTo(CustomerTag.PEAK_HEAVY);
    assertThat(notice.key()).isEqualTo("campaign:campaign-2026-12-peak");
    assertThat(notice.kind()).isEqualTo("monthly_bill");
    assertThat(notice.title()).isEqualTo("峰谷电价");
    assertThat(notice.urgent()).isFalse();
    assertThat(notice.data())
        .containsEntry("campaign", "campaign-2026-12-peak")
        .containsEntry("tag", "PEAK_HEAVY");
  }

  @Test
  void onlyKindsUsersOptInToAreAllowed() {
    assertThat(Campaign.KINDS)
        .containsExactlyInAnyOrder("low_balance", "arrears", "outage", "monthly_bill", "campaign");
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "NULL",
      value = {
        "NULL, monthly_bill, t, x, k1, tag",
        "peak_heavy, monthly_bill, t, x, k1, tag",
        "NO_SUCH_TAG, monthly_bill, t, x, k1, tag",
        "PEAK_HEAVY, NULL, t, x, k1, kind",
        "PEAK_HEAVY, payment, t, x, k1, kind",
        "PEAK_HEAVY, progress, t, x, k1, kind",
        "PEAK_HEAVY, marketing, t, x, k1, kind",
        "PEAK_HEAVY, monthly_bill, NULL, x, k1, title",
        "PEAK_HEAVY, monthly_bill, '  ', x, k1, title",
        "PEAK_HEAVY, monthly_bill, t, NULL, k1, text",
        "PEAK_HEAVY, monthly_bill, t, x, NULL, key",
        "PEAK_HEAVY, monthly_bill, t, x, outage:42:published, key",
        "PEAK_HEAVY, monthly_bill, t, x, 'has space', key",
      })
  void badFieldIsNamed(
      String tag, String kind, String title, String text, String key, String field) {
    assertThatThrownBy(() -> campaign(tag, kind, title, text, key))
        .isInstanceOfSatisfying(InvalidField.class, e -> assertThat(e.field()).isEqualTo(field))
        .hasMessageStartingWith(field + ":");
  }

  @ParameterizedTest
  @ValueSource(ints = {Campaign.MAX_TITLE + 1})
  void overlongTitleIsRefused(int length) {
    assertThatThrownBy(() -> campaign("ELDERLY", "outage", "长".repeat(length), "x", "k"))
        .isInstanceOfSatisfying(InvalidField.class, e -> assertThat(e.field()).isEqualTo("title"));
  }

  @Test
  void keyOfSixtyFourCharactersIsTheLongest() {
    assertThat(campaign("ELDERLY", "outage", "t", "x", "k".repeat(64)).key()).hasSize(64);
    assertThatThrownBy(() -> campaign("ELDERLY", "outage", "t", "x", "k".repeat(65)))
        .isInstanceOf(InvalidField.class);
  }
}
