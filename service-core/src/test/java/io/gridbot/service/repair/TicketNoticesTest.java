package io.gridbot.service.repair;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.notification.Notice;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TicketNoticesTest {

  // 2026-11-27 10:00 in Beijing
  private static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");

  @Test
  void dispatch_names_the_ticket_and_the_estimate_in_beijing_time() {
    Notice notice =
        TicketNotices.of(row(TicketState.DISPATCHED, Instant.parse("2026-11-27T10:00:00Z")), NOW);

    assertThat(notice.kind()).isEqualTo("progress");
    assertThat(notice.key()).isEqualTo("ticket:R202611270001:DISPATCHED");
    assertThat(notice.text()).isEqualTo("您的报修R202611270001已派单，抢修人员正在赶往现场，预计18:00前恢复供电。");
    assertThat(notice.data()).containsEntry("expectedRestoration", "2026-11-27T10:00:00Z");
  }

  @Test
  void an_estimate_on_another_day_names_the_date_and_none_asks_for_patience() {
    assertThat(
            TicketNotices.of(row(TicketState.ON_SITE, Instant.parse("2026-11-28T01:30:00Z")), NOW)
                .text())
        .isEqualTo("抢修人员已到达现场，正在处理您的报修R202611270001，预计11月28日09:30前恢复供电。");
    assertThat(TicketNotices.of(row(TicketState.DISPATCHED, null), NOW).text())
        .endsWith("抢修人员正在赶往现场，请您耐心等待。");
  }

  @Test
  void every_state_has_a_chinese_text_naming_the_ticket() {
    for (TicketState state : TicketState.values()) {
      Notice notice = TicketNotices.of(row(state, null), NOW);
      assertThat(notice.text()).contains("R202611270001").containsPattern("\\p{IsHan}");
      assertThat(notice.key()).isEqualTo("ticket:R202611270001:" + state);
    }
  }

  private static TicketRow row(TicketState state, Instant eta) {
    return new TicketRow(
        1,
        "R202611270001",
        new ChannelUser("wechat", "oUser"),
        null,
        null,
        null,
        "幸福小区",
        "CN-330106-017",
        "停电",
        "13800005678",
        state,
        eta,
        0,
        null,
        NOW);
  }
}
